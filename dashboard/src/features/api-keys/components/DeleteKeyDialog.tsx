import { useRef } from 'react'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { useDeleteApiKey } from '@/features/api-keys/hooks/use-api-keys'
import type { ApiKey } from '@/features/api-keys/types/api-key'
import { describeError } from '@/lib/api-error'
import { providerName } from '@/lib/providers'

type DeleteKeyDialogProps = {
  apiKey: ApiKey
  onDeleted: (key: ApiKey) => void
  onClose: () => void
}

/** Asks before deleting, naming the key, with Cancel focused so Enter does no harm. */
export function DeleteKeyDialog({ apiKey, onDeleted, onClose }: DeleteKeyDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null)
  const deleteKey = useDeleteApiKey()

  return (
    <Dialog
      role="alertdialog"
      title={`Delete “${apiKey.label}”?`}
      description={
        <>
          Quotah stops watching the {providerName(apiKey.provider)} key{' '}
          <span className="font-mono text-gray-900 dark:text-gray-100">{apiKey.maskedKey}</span> and forgets it. The key
          itself keeps working at {providerName(apiKey.provider)}.
        </>
      }
      onClose={onClose}
      initialFocusRef={cancelRef}
    >
      {deleteKey.isError && (
        <div className="mb-5">
          <ErrorBanner message={describeError(deleteKey.error)} />
        </div>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button ref={cancelRef} variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          isLoading={deleteKey.isPending}
          onClick={() => deleteKey.mutate(apiKey, { onSuccess: () => onDeleted(apiKey) })}
        >
          {deleteKey.isPending ? 'Deleting…' : 'Delete key'}
        </Button>
      </div>
    </Dialog>
  )
}
