import { useId } from 'react'
import { WindowCard } from '@/features/rate-limits/components/WindowCard'
import type { KeyRateLimits } from '@/features/rate-limits/types/rate-limits'
import { keyName, sourceText } from '@/features/rate-limits/utils/window-text'
import { formatClockTime, formatDateTime } from '@/lib/format'
import { providerName } from '@/lib/providers'

type KeyRateLimitsSectionProps = {
  rateLimits: KeyRateLimits
  now: number
  receivedAt: number
}

/** One key: its name, provider and masked key, then a card per window for each model group. */
export function KeyRateLimitsSection({ rateLimits, now, receivedAt }: KeyRateLimitsSectionProps) {
  const headingId = useId()
  const name = keyName(rateLimits)

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
      </header>

      {rateLimits.limits.length === 0 && (
        <p className="mt-3 rounded-lg border border-dashed border-gray-300 p-4 text-sm text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No rate-limit data for this key yet. It appears here after Quotah’s first successful poll.
        </p>
      )}

      {rateLimits.limits.map((limit, index) => (
        <div key={`${index}-${limit.model ?? 'all'}-${limit.source}`} className="mt-4">
          <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm text-gray-600 dark:text-gray-400">
            <span className="font-medium text-gray-900 dark:text-gray-100">
              {limit.model ? <span className="font-mono">{limit.model}</span> : 'All models'}
            </span>
            <span>
              from {sourceText(limit.source)}, captured{' '}
              <time dateTime={limit.capturedAt} title={formatDateTime(limit.capturedAt)}>
                {formatClockTime(limit.capturedAt)}
              </time>
            </span>
          </h3>
          {limit.windows.length === 0 ? (
            <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">The provider reported no limits here.</p>
          ) : (
            <div className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {limit.windows.map((window, index) => (
                <WindowCard
                  key={`${index}-${window.kind}`}
                  keyName={name}
                  limit={limit}
                  window={window}
                  now={now}
                  receivedAt={receivedAt}
                />
              ))}
            </div>
          )}
        </div>
      ))}
    </section>
  )
}
