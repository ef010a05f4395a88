import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorBanner } from '@/components/ErrorBanner'
import { KeyIcon, PlusIcon, RefreshIcon } from '@/components/icons'
import { NoticeBanner } from '@/components/NoticeBanner'
import { PageHeader } from '@/components/PageHeader'
import { Spinner } from '@/components/Spinner'
import { AddKeyDialog } from '@/features/api-keys/components/AddKeyDialog'
import { ApiKeyList } from '@/features/api-keys/components/ApiKeyList'
import { DeleteKeyDialog } from '@/features/api-keys/components/DeleteKeyDialog'
import { EditKeyDialog } from '@/features/api-keys/components/EditKeyDialog'
import { useApiKeys } from '@/features/api-keys/hooks/use-api-keys'
import type { ApiKey } from '@/features/api-keys/types/api-key'
import { usePageTitle } from '@/hooks/use-page-title'
import { describeError } from '@/lib/api-error'
import { providerName } from '@/lib/providers'

type OpenDialog = { kind: 'add' } | { kind: 'edit'; key: ApiKey } | { kind: 'delete'; key: ApiKey } | null

export function ApiKeysPage() {
  usePageTitle('API Keys')
  const apiKeys = useApiKeys()
  const keys = apiKeys.data
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const closeDialog = () => setDialog(null)
  const openAdd = () => {
    setNotice(null)
    setDialog({ kind: 'add' })
  }

  return (
    <>
      <PageHeader
        title="API Keys"
        description="The provider keys Quotah watches. Keys are stored encrypted and only ever shown masked."
        actions={
          keys &&
          keys.length > 0 && (
            <Button onClick={openAdd}>
              <PlusIcon className="size-4" />
              Add key
            </Button>
          )
        }
      />

      {notice && (
        <div className="mb-6">
          <NoticeBanner message={notice} />
        </div>
      )}

      {apiKeys.isPending && (
        <div className="flex justify-center py-16 text-indigo-600 dark:text-indigo-400">
          <Spinner label="Loading API keys…" className="size-8" />
        </div>
      )}

      {apiKeys.isError && (
        <div className="mb-6">
          <ErrorBanner
            message={`Your API keys could not be ${keys ? 'refreshed' : 'loaded'}. ${describeError(apiKeys.error)}`}
            action={
              <Button variant="secondary" onClick={() => void apiKeys.refetch()} isLoading={apiKeys.isFetching}>
                {!apiKeys.isFetching && <RefreshIcon className="size-4" />}
                Retry
              </Button>
            }
          />
        </div>
      )}

      {keys && keys.length === 0 && (
        <EmptyState
          icon={<KeyIcon className="size-6" />}
          title="No API keys yet"
          description="Add an Anthropic or OpenAI API key and Quotah will show how close it is to its rate limits, warn before it runs out and, with an Admin key, what it costs."
          action={
            <Button onClick={openAdd}>
              <PlusIcon className="size-4" />
              Add your first key
            </Button>
          }
        />
      )}

      {keys && keys.length > 0 && (
        <ApiKeyList
          keys={keys}
          onEdit={(key) => {
            setNotice(null)
            setDialog({ kind: 'edit', key })
          }}
          onDelete={(key) => {
            setNotice(null)
            setDialog({ kind: 'delete', key })
          }}
        />
      )}

      {dialog?.kind === 'add' && (
        <AddKeyDialog
          onAdded={(key) => {
            closeDialog()
            setNotice(addedNotice(key))
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditKeyDialog
          apiKey={dialog.key}
          onSaved={(key) => {
            closeDialog()
            setNotice(`Saved the changes to “${key.label}”.`)
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteKeyDialog
          apiKey={dialog.key}
          onDeleted={(key) => {
            closeDialog()
            setNotice(`Deleted “${key.label}”. Quotah no longer watches ${key.maskedKey}.`)
          }}
          onClose={closeDialog}
        />
      )}
    </>
  )
}

function addedNotice(key: ApiKey): string {
  const provider = providerName(key.provider)
  if (key.status === 'HEALTHY') return `Added “${key.label}”. ${provider} accepted the key; its limits appear on the dashboard after the first poll.`
  if (key.status === 'INVALID') {
    return `Added “${key.label}”, but ${provider} rejected the key${key.statusReason ? `: ${key.statusReason}` : ''}. Check it, then delete this one and add it again.`
  }
  return `Added “${key.label}”.`
}
