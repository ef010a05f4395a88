import { ClockIcon } from '@/components/icons'
import { StatusBadge, type StatusTone } from '@/components/StatusBadge'
import { UsageGauge } from '@/features/rate-limits/components/UsageGauge'
import type { KeyLimit, RateLimitWindow, WindowStatus } from '@/features/rate-limits/types/rate-limits'
import {
  ageSecondsNow,
  forecastText,
  kindText,
  resetText,
  retryAfterText,
  STATUS_TEXT,
  staleText,
  usedPercentOf,
} from '@/features/rate-limits/utils/window-text'
import { formatCount, formatCountOrUnknown, formatDateTime } from '@/lib/format'

const STATUS_TONE: Record<WindowStatus, StatusTone> = {
  healthy: 'green',
  warning: 'amber',
  critical: 'red',
  unknown: 'grey',
}

type WindowCardProps = {
  keyName: string
  limit: KeyLimit
  window: RateLimitWindow
  /** The limit the provider's configuration sets for this window (Admin API), or null. */
  configured?: number | null
  now: number
  receivedAt: number
}

/**
 * One rate-limit window: a gauge of the used share (when it is known), remaining / limit, the configured
 * limit where the provider's configuration sets one, a live countdown to the reset and the forecast. Found by tests as role="group" named "<key name> <unit>".
 */
export function WindowCard({ keyName, limit, window, configured = null, now, receivedAt }: WindowCardProps) {
  const { title, unit } = kindText(window.kind)
  const used = usedPercentOf(window)
  const retryText = retryAfterText(limit, now)
  const name = `${keyName} ${unit}${limit.model ? ` (${limit.model})` : ''}`

  return (
    <div
      role="group"
      aria-label={name}
      data-testid="rate-limit-card"
      data-status={window.status}
      data-kind={window.kind}
      className={`flex flex-col rounded-lg border bg-white p-4 shadow-sm dark:bg-gray-900 ${
        limit.stale ? 'border-dashed border-amber-400 dark:border-amber-700' : 'border-gray-200 dark:border-gray-800'
      }`}
    >
      <div className="flex items-start justify-between gap-2">
        <h4 className="text-sm font-semibold text-gray-900 dark:text-gray-50">{title}</h4>
        <StatusBadge tone={STATUS_TONE[window.status]} data-testid="window-status">
          {STATUS_TEXT[window.status]}
        </StatusBadge>
      </div>

      <div className={`mt-3 flex items-center gap-4 ${limit.stale ? 'opacity-70' : ''}`}>
        {/* A gauge with nothing to show is left out: the figures below say what is unknown. */}
        {used !== null && <UsageGauge usedPercent={used} status={window.status} />}
        <div className="min-w-0">
          <p className="text-lg font-semibold break-words text-gray-900 tabular-nums dark:text-gray-50">
            {`${formatCountOrUnknown(window.remaining)} / ${formatCountOrUnknown(window.limit)}`}
          </p>
          <p className="text-sm text-gray-700 dark:text-gray-300">{unit}</p>
          <p className="mt-0.5 text-xs text-gray-500 dark:text-gray-400">remaining / limit</p>
          {configured !== null && (
            <p data-testid="configured-limit" className="mt-1 text-xs font-medium text-gray-700 dark:text-gray-300">
              {`limit ${formatCount(configured)} (configured)`}
            </p>
          )}
        </div>
      </div>

      <ul className="mt-3 space-y-1 text-sm text-gray-700 dark:text-gray-300">
        <li className="flex items-center gap-1.5">
          <ClockIcon className="size-4 shrink-0 text-gray-500 dark:text-gray-400" />
          {window.resetAt ? (
            <time dateTime={window.resetAt} title={`Resets at ${formatDateTime(window.resetAt)}`} className="tabular-nums">
              {resetText(window, now)}
            </time>
          ) : (
            <span>{resetText(window, now)}</span>
          )}
        </li>
        <li data-testid="forecast">{forecastText(window, now, receivedAt)}</li>
      </ul>

      {(limit.stale || retryText) && (
        <div className="mt-3 flex flex-col items-start gap-1.5">
          {limit.stale && (
            <StatusBadge tone="amber" data-testid="stale-badge" title={`Captured ${formatDateTime(limit.capturedAt)}`}>
              {staleText(ageSecondsNow(limit, now, receivedAt))}
            </StatusBadge>
          )}
          {retryText && (
            <p data-testid="retry-after" className="text-xs font-medium text-amber-800 dark:text-amber-200">
              {retryText}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
