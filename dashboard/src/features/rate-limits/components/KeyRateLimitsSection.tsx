import { lazy, Suspense, useId, useState } from 'react'
import { ChevronDownIcon, ChevronUpIcon } from '@/components/icons'
import { Spinner } from '@/components/Spinner'
import { WindowCard } from '@/features/rate-limits/components/WindowCard'
import type { KeyLimit, KeyRateLimits } from '@/features/rate-limits/types/rate-limits'
import { modelGroups, type ModelGroup } from '@/features/rate-limits/utils/model-classes'
import { keyName, kindText, sourceText } from '@/features/rate-limits/utils/window-text'
import { formatClockTime, formatCount, formatDateTime } from '@/lib/format'
import { providerName } from '@/lib/providers'

// The history chart (and its chart library) loads only when someone opens a key's history.
const KeyHistoryPanel = lazy(() => import('@/features/rate-limits/components/KeyHistoryPanel'))

type KeyRateLimitsSectionProps = {
  rateLimits: KeyRateLimits
  now: number
  receivedAt: number
}

/**
 * One key: its name, provider and masked key, then a part per model class with a card per live window
 * (the configured limit beside it), and the key's history on demand.
 */
export function KeyRateLimitsSection({ rateLimits, now, receivedAt }: KeyRateLimitsSectionProps) {
  const headingId = useId()
  const historyId = useId()
  const [historyOpen, setHistoryOpen] = useState(false)
  const name = keyName(rateLimits)
  const groups = modelGroups(rateLimits)

  return (
    <section aria-labelledby={headingId} data-testid="key-rate-limits" data-key-id={rateLimits.keyId}>
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold text-gray-900 dark:text-gray-50">
          {name}
        </h2>
        <span className="text-sm text-gray-600 dark:text-gray-400">{providerName(rateLimits.provider)}</span>
        {rateLimits.maskedKey && rateLimits.maskedKey !== name && (
          <span className="font-mono text-xs break-all text-gray-600 dark:text-gray-400">{rateLimits.maskedKey}</span>
        )}
        {rateLimits.limits.length > 0 && (
          <button
            type="button"
            aria-label={`History of ${name}`}
            aria-expanded={historyOpen}
            aria-controls={historyId}
            onClick={() => setHistoryOpen((open) => !open)}
            className="ml-auto inline-flex items-center gap-1 self-center rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
          >
            History
            {historyOpen ? <ChevronUpIcon className="size-4" /> : <ChevronDownIcon className="size-4" />}
          </button>
        )}
      </header>

      <div id={historyId}>
        {historyOpen && (
          <Suspense
            fallback={
              <div className="flex justify-center py-6 text-indigo-600 dark:text-indigo-400">
                <Spinner label="Loading the history…" className="size-6" />
              </div>
            }
          >
            <KeyHistoryPanel keyId={rateLimits.keyId} keyName={name} />
          </Suspense>
        )}
      </div>

      {rateLimits.limits.length === 0 && (
        <p className="mt-3 rounded-lg border border-dashed border-gray-300 p-4 text-sm text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No rate-limit data for this key yet. It appears here after Quotah’s first successful poll.
        </p>
      )}

      {groups.map((group) => (
        <ModelGroupPart key={group.id} group={group} keyName={name} now={now} receivedAt={receivedAt} />
      ))}
    </section>
  )
}

type ModelGroupPartProps = { group: ModelGroup; keyName: string; now: number; receivedAt: number }

/** A model class: its live windows as cards, and configured limits no live window shows as plain figures. */
function ModelGroupPart({ group, keyName, now, receivedAt }: ModelGroupPartProps) {
  const single = group.live[0] ?? group.configured[0]
  const title = group.className ?? single.model

  return (
    <div className="mt-4" data-testid="model-group">
      <h3 className="text-sm font-medium text-gray-900 dark:text-gray-100">
        {title ? (group.className ? title : <span className="font-mono">{title}</span>) : 'All models'}
      </h3>

      {group.live.map((limit, index) => (
        <div key={`${index}-${limit.model ?? 'all'}-${limit.source}`} className="mt-1">
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {group.className && limit.model && <span className="font-mono">{limit.model} </span>}
            <Captured limit={limit} verb="captured" />
          </p>
          {limit.windows.length === 0 ? (
            <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">The provider reported no limits here.</p>
          ) : (
            <div className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {limit.windows.map((window, index) => (
                <WindowCard
                  key={`${index}-${window.kind}`}
                  keyName={keyName}
                  limit={limit}
                  window={window}
                  configured={group.configuredByKind.get(window.kind)?.window.limit ?? null}
                  now={now}
                  receivedAt={receivedAt}
                />
              ))}
            </div>
          )}
        </div>
      ))}

      {group.configured.length > 0 && (
        <div className="mt-2 text-sm text-gray-600 dark:text-gray-400" data-testid="configured-limits">
          <p>
            Configured limits{' '}
            {group.configured.map((limit, index) => (
              <span key={`${index}-${limit.model ?? ''}`}>
                {index > 0 && ', '}
                {group.className && limit.model && <span className="font-mono">({limit.model}) </span>}
                <Captured limit={limit} verb="read" />
              </span>
            ))}
            {group.live.length > 0 && group.configuredOnly.length === 0 && ': shown beside the live figures.'}
          </p>
          {group.configuredOnly.length > 0 && (
            <>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {group.configuredOnly.map(({ window }) => (
                  <li key={window.kind} data-kind={window.kind} className="text-gray-900 tabular-nums dark:text-gray-100">
                    {`limit ${formatCount(window.limit ?? 0)} ${kindText(window.kind).unit} (configured)`}
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-xs">
                {group.live.length === 0
                  ? 'No live headroom yet: it shows once a probe or your own traffic reports this class.'
                  : 'No live reading of these windows yet.'}
              </p>
            </>
          )}
        </div>
      )}
    </div>
  )
}

function Captured({ limit, verb }: { limit: KeyLimit; verb: string }) {
  return (
    <span>
      from {sourceText(limit.source)}, {verb}{' '}
      <time dateTime={limit.capturedAt} title={formatDateTime(limit.capturedAt)}>
        {formatClockTime(limit.capturedAt)}
      </time>
    </span>
  )
}
