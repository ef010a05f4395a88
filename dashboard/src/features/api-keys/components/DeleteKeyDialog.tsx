import { useRef, useState } from 'react'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { errorMessage } from '@/features/api-keys/hooks/use-api-keys'
import type { ApiKey } from '@/features/api-keys/types/api-key'
import { providerName } from '@/lib/providers'

type DeleteKeyDialogProps = {
  apiKey: ApiKey
  onDelete: (id: string) => Promise<void>
  onDeleted: (key: ApiKey) => void
  onClose: () => void
}

/** Asks before deleting, naming the key, with Cancel focused so Enter does no harm. */
export function DeleteKeyDialog({ apiKey, onDelete, onDeleted, onClose }: DeleteKeyDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null)
  const [isDeleting, setIsDeleting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function confirm() {
    setIsDeleting(true)
    setError(null)
    try {
      await onDelete(apiKey.id)
      onDeleted(apiKey)
    } catch (caught) {
      setError(errorMessage(caught))
      setIsDeleting(false)
    }
  }

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
      {error && (
        <div className="mb-5">
          <ErrorBanner message={error} />
        </div>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button ref={cancelRef} variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" onClick={confirm} isLoading={isDeleting}>
          {isDeleting ? 'Deleting…' : 'Delete key'}
        </Button>
      </div>
    </Dialog>
  )
}
