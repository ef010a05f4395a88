import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createAlertRule,
  deleteAlertRule,
  getAlertRules,
  replaceAlertRule,
  sendTestAlert,
  updateAlertRule,
} from '@/features/alerts/api/alert-rules-api'
import { alertKeys } from '@/features/alerts/api/query-keys'
import type { AlertRule, ReplaceRuleRequest } from '@/features/alerts/types/alert-rule'

export function useAlertRules() {
  return useQuery({ queryKey: alertKeys.rules(), queryFn: getAlertRules })
}

// The created or changed rule is not written into the cache: its answer may carry a webhook's
// signing secret, which must live no longer than the dialog that shows it. The list is fetched anew,
// and the mutation itself is dropped as soon as the form that ran it closes (gcTime 0).

export function useCreateAlertRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createAlertRule,
    gcTime: 0,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.rules() }),
  })
}

export function useReplaceAlertRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: ReplaceRuleRequest }) => replaceAlertRule(id, request),
    gcTime: 0,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.rules() }),
  })
}

/** The enable switch: flips at once, and back if the server refuses. */
export function useSetRuleEnabled() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => updateAlertRule(id, { enabled }),
    onMutate: async ({ id, enabled }) => {
      await queryClient.cancelQueries({ queryKey: alertKeys.rules() })
      const previous = queryClient.getQueryData<AlertRule[]>(alertKeys.rules())
      queryClient.setQueryData<AlertRule[]>(alertKeys.rules(), (rules) =>
        rules?.map((rule) => (rule.id === id ? { ...rule, enabled } : rule)),
      )
      return { previous }
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(alertKeys.rules(), context.previous)
    },
    // Switching a rule off resolves its open alerts: the history changes too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  })
}

export function useDeleteAlertRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (rule: AlertRule) => deleteAlertRule(rule.id),
    // A deleted rule's open alerts are resolved with it: the history changes too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  })
}

/** A test message is not kept in the history: nothing to fetch anew; its deliveries show under the rule. */
export function useSendTestAlert() {
  return useMutation({ mutationFn: (rule: AlertRule) => sendTestAlert(rule.id) })
}
