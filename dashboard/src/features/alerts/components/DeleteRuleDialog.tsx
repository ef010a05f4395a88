import { useRef } from 'react'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { useDeleteAlertRule } from '@/features/alerts/hooks/use-alert-rules'
import type { AlertRule } from '@/features/alerts/types/alert-rule'
import { describeError } from '@/lib/api-error'

type DeleteRuleDialogProps = {
  rule: AlertRule
  onDeleted: (rule: AlertRule) => void
  onClose: () => void
}

/** Asks before deleting, naming the rule, with Cancel focused so Enter does no harm. */
export function DeleteRuleDialog({ rule, onDeleted, onClose }: DeleteRuleDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null)
  const deleteRule = useDeleteAlertRule()

  return (
    <Dialog
      role="alertdialog"
      title={`Delete “${rule.name}”?`}
      description="The rule stops alerting at once. Alerts it already raised stay in the history."
      onClose={onClose}
      initialFocusRef={cancelRef}
    >
      {deleteRule.isError && (
        <div className="mb-5">
          <ErrorBanner message={`The rule was not deleted. ${describeError(deleteRule.error)}`} />
        </div>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button ref={cancelRef} variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          isLoading={deleteRule.isPending}
          onClick={() => deleteRule.mutate(rule, { onSuccess: () => onDeleted(rule) })}
        >
          {deleteRule.isPending ? 'Deleting…' : 'Delete rule'}
        </Button>
      </div>
    </Dialog>
  )
}
