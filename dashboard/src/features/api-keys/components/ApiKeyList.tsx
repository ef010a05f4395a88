import type { ReactNode } from 'react'
import { PencilIcon, TrashIcon } from '@/components/icons'
import { KeyStatusBadge } from '@/features/api-keys/components/KeyStatusBadge'
import type { ApiKey } from '@/features/api-keys/types/api-key'
import { pollIntervalLabel } from '@/features/api-keys/utils/poll-interval'
import { useMediaQuery } from '@/hooks/use-media-query'
import { useNow } from '@/hooks/use-now'
import { formatDateTime, formatTimeAgo } from '@/lib/format'
import { providerName } from '@/lib/providers'

type ApiKeyListProps = {
  keys: ApiKey[]
  onEdit: (key: ApiKey) => void
  onDelete: (key: ApiKey) => void
}

/**
 * A table where there is room for one, stacked cards on phones. Only one of the two is in the
 * DOM at a time, so every key appears once to screen readers and to tests.
 */
export function ApiKeyList({ keys, onEdit, onDelete }: ApiKeyListProps) {
  const isWide = useMediaQuery('(min-width: 80rem)')
  // "Last polled 3 min ago" stays true while the page is open.
  const now = useNow(15_000)

  if (!isWide) {
    return (
      <ul className="grid gap-3 md:grid-cols-2" aria-label="API keys">
        {keys.map((key) => (
          <li
            key={key.id}
            data-testid="api-key-row"
            data-key-id={key.id}
            className="flex flex-col rounded-lg border border-gray-200 bg-white p-4 shadow-sm dark:border-gray-800 dark:bg-gray-900"
          >
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <h2 className="truncate text-sm font-semibold text-gray-900 dark:text-gray-50">{key.label}</h2>
                <p className="text-xs text-gray-600 dark:text-gray-400">{providerName(key.provider)}</p>
              </div>
              <KeyStatusBadge status={key.status} />
            </div>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
              <CardField term="Key">
                <MaskedKey apiKey={key} wrap />
              </CardField>
              <CardField term="Polling">{pollingText(key)}</CardField>
              <CardField term="Last polled">
                <LastPolled apiKey={key} now={now} />
              </CardField>
              {(key.statusReason || key.lastError) && (
                <CardField term="Last error">
                  <ProblemText apiKey={key} />
                </CardField>
              )}
            </dl>
            <div className="mt-auto flex gap-2 pt-4">
              <RowActions apiKey={key} onEdit={onEdit} onDelete={onDelete} showText />
            </div>
          </li>
        ))}
      </ul>
    )
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">API keys</caption>
        <thead className="bg-gray-50 text-xs font-semibold whitespace-nowrap text-gray-600 uppercase dark:bg-gray-800/60 dark:text-gray-400">
          <tr>
            <th scope="col" className="px-4 py-3">Label</th>
            <th scope="col" className="px-4 py-3">Provider</th>
            <th scope="col" className="px-4 py-3">Key</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">Last polled</th>
            <th scope="col" className="px-4 py-3">Last error</th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row" data-key-id={key.id} className="align-top">
              <th scope="row" className="px-4 py-3 font-medium text-gray-900 dark:text-gray-50">
                <div className="max-w-48 truncate" title={key.label}>{key.label}</div>
                <div className="mt-0.5 text-xs font-normal text-gray-600 dark:text-gray-400">{pollingText(key)}</div>
              </th>
              <td className="px-4 py-3 text-gray-700 dark:text-gray-300">{providerName(key.provider)}</td>
              <td className="px-4 py-3">
                <MaskedKey apiKey={key} />
              </td>
              <td className="px-4 py-3">
                <KeyStatusBadge status={key.status} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-gray-700 dark:text-gray-300">
                <LastPolled apiKey={key} now={now} />
              </td>
              <td className="max-w-72 min-w-40 px-4 py-3 text-gray-700 dark:text-gray-300">
                <ProblemText apiKey={key} />
              </td>
              <td className="px-4 py-3">
                <div className="flex justify-end gap-0.5">
                  <RowActions apiKey={key} onEdit={onEdit} onDelete={onDelete} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CardField({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-gray-600 dark:text-gray-400">{term}</dt>
      <dd className="min-w-0 text-gray-900 dark:text-gray-100">{children}</dd>
    </>
  )
}

function MaskedKey({ apiKey, wrap = false }: { apiKey: ApiKey; wrap?: boolean }) {
  return (
    <span className={`font-mono text-xs text-gray-900 dark:text-gray-100 ${wrap ? 'break-all' : 'whitespace-nowrap'}`}>
      {apiKey.maskedKey}
      {apiKey.maskedAdminKey && (
        <span className="mt-0.5 block break-all whitespace-normal text-gray-600 dark:text-gray-400">
          <span className="font-sans">Admin </span>
          {apiKey.maskedAdminKey}
        </span>
      )}
    </span>
  )
}

function LastPolled({ apiKey, now }: { apiKey: ApiKey; now: number }) {
  if (!apiKey.lastPolledAt) return <span className="text-gray-600 dark:text-gray-400">Not yet</span>
  return (
    <time dateTime={apiKey.lastPolledAt} title={formatDateTime(apiKey.lastPolledAt)}>
      {formatTimeAgo(Date.parse(apiKey.lastPolledAt), now)}
    </time>
  )
}

/** The provider's own words on why the key is unwell, then the last polling error. */
function ProblemText({ apiKey }: { apiKey: ApiKey }) {
  const lines = [apiKey.statusReason, apiKey.lastError].filter(
    (line, index, all): line is string => !!line && all.indexOf(line) === index,
  )
  if (lines.length === 0) return <span className="text-gray-500 dark:text-gray-500">None</span>
  return (
    <span className="block break-words">
      {lines.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </span>
  )
}

type RowActionsProps = Pick<ApiKeyListProps, 'onEdit' | 'onDelete'> & {
  apiKey: ApiKey
  /** Cards have room for "Edit" and "Delete" beside the icons; the table shows icons with tooltips. */
  showText?: boolean
}

function RowActions({ apiKey, onEdit, onDelete, showText = false }: RowActionsProps) {
  const button = `inline-flex items-center gap-1.5 rounded-md py-1.5 text-sm font-medium transition-colors ${
    showText ? 'px-2.5' : 'px-2'
  }`
  return (
    <>
      <button
        type="button"
        onClick={() => onEdit(apiKey)}
        aria-label={`Edit ${apiKey.label}`}
        title={showText ? undefined : `Edit ${apiKey.label}`}
        className={`${button} text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800`}
      >
        <PencilIcon className="size-4" />
        {showText && 'Edit'}
      </button>
      <button
        type="button"
        onClick={() => onDelete(apiKey)}
        aria-label={`Delete ${apiKey.label}`}
        title={showText ? undefined : `Delete ${apiKey.label}`}
        className={`${button} text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950/60`}
      >
        <TrashIcon className="size-4" />
        {showText && 'Delete'}
      </button>
    </>
  )
}

function pollingText(key: ApiKey): string {
  return `Every ${pollIntervalLabel(key.pollIntervalSeconds)}, ${key.probing ? 'probing' : 'no probing'}`
}
