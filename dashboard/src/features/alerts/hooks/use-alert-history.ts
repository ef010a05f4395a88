import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { acknowledgeAlert, acknowledgeAllAlerts, getAlert, getAlerts, getDeliveries } from '@/features/alerts/api/alerts-api'
import { alertKeys } from '@/features/alerts/api/query-keys'
import type { AlertFilters } from '@/features/alerts/types/alert'

/** One page of the history; the last page stays shown while the next one loads. */
export function useAlertHistory(filters: AlertFilters) {
  return useQuery({
    queryKey: alertKeys.historyPage(filters),
    queryFn: () => getAlerts(filters),
    placeholderData: keepPreviousData,
  })
}

/** One alert by its id, for a link to an alert that is not on the page of the history shown. */
export function useAlert(id: string | null) {
  return useQuery({
    queryKey: alertKeys.alert(id ?? ''),
    queryFn: () => getAlert(id!),
    enabled: id !== null,
  })
}

/** An acknowledgement changes the history and the bell. */
function useInvalidateAfterAcknowledging() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: alertKeys.history() }),
      queryClient.invalidateQueries({ queryKey: alertKeys.unacknowledgedCount() }),
    ])
}

export function useAcknowledgeAlert() {
  const invalidate = useInvalidateAfterAcknowledging()
  return useMutation({ mutationFn: acknowledgeAlert, onSettled: invalidate })
}

export function useAcknowledgeAllAlerts() {
  const invalidate = useInvalidateAfterAcknowledging()
  return useMutation({ mutationFn: acknowledgeAllAlerts, onSettled: invalidate })
}

const DELIVERY_REFRESH_MS = 3_000
/** About a minute of looking: a delivery still pending after that is retried for up to an hour, out of sight. */
const DELIVERY_REFRESHES = 20

/**
 * How an alert was sent, loaded when it is shown. While nothing is listed yet or a delivery is still
 * pending, it is asked again every few seconds, for about a minute.
 */
export function useDeliveries(alertId: string) {
  return useQuery({
    queryKey: alertKeys.deliveries(alertId),
    queryFn: () => getDeliveries(alertId),
    refetchInterval: (query) => {
      const deliveries = query.state.data
      const unsettled =
        !deliveries || deliveries.length === 0 || deliveries.some((delivery) => delivery.status === 'PENDING')
      return unsettled && query.state.dataUpdateCount < DELIVERY_REFRESHES ? DELIVERY_REFRESH_MS : false
    },
  })
}
