import { useEffect, useId, useRef, type ReactNode } from 'react'
import { ChevronDownIcon, ChevronUpIcon } from '@/components/icons'
import { Spinner } from '@/components/Spinner'
import { StatusBadge } from '@/components/StatusBadge'
import { DeliveriesPanel } from '@/features/alerts/components/DeliveriesPanel'
import type { Alert } from '@/features/alerts/types/alert'
import { observedText, severityText, stateText } from '@/features/alerts/utils/alert-text'
import { formatDateTime, formatTimeAgo } from '@/lib/format'

type AlertHistoryItemProps = {
  alert: Alert
  now: number
  isExpanded: boolean
  onToggle: () => void
  /** The alert named by `?alert=` in the address: marked and scrolled to. */
  isLinked: boolean
  onAcknowledge: () => void
  isAcknowledging: boolean
}

export function AlertHistoryItem({
  alert,
  now,
  isExpanded,
  onToggle,
  isLinked,
  onAcknowledge,
  isAcknowledging,
}: AlertHistoryItemProps) {
  const panelId = useId()
  const itemRef = useRef<HTMLLIElement>(null)
  const severity = severityText(alert.severity)
  const state = stateText(alert.state)
  const measured = observedText(alert.observed, alert.threshold, alert.unit)
  const context = [alert.ruleName, alert.model, alert.window].filter(Boolean).join(' · ')

  useEffect(() => {
    // jsdom has no scrollIntoView; browsers all do.
    if (isLinked) itemRef.current?.scrollIntoView?.({ block: 'center' })
  }, [isLinked])

  return (
    <li
      ref={itemRef}
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-severity={alert.severity}
      data-state={alert.state}
      data-highlighted={isLinked || undefined}
      aria-current={isLinked ? 'true' : undefined}
      className={`rounded-lg border bg-white p-4 shadow-sm dark:bg-gray-900 ${
        isLinked
          ? 'border-indigo-500 ring-2 ring-indigo-500 dark:border-indigo-400 dark:ring-indigo-400'
          : 'border-gray-200 dark:border-gray-800'
      }`}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge tone={severity.tone} data-testid="alert-severity">
              {severity.label}
            </StatusBadge>
            <StatusBadge tone={state.tone} data-testid="alert-state">
              {state.label}
            </StatusBadge>
            {isLinked && <span className="text-xs font-medium text-indigo-700 dark:text-indigo-300">From your link</span>}
          </div>
          <p className="mt-2 text-sm font-medium break-words text-gray-900 dark:text-gray-50">{alert.summary}</p>
          {context && <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">{context}</p>}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <Term term="Key">{alert.connectionLabel ?? (alert.connectionId ? 'A key no longer watched' : 'Every key')}</Term>
            {measured && <Term term="Observed">{measured}</Term>}
            {alert.reason && <Term term="Reason">{alert.reason}</Term>}
            <Term term="Raised">
              <When instant={alert.raisedAt} now={now} />
            </Term>
            {alert.resolvedAt && (
              <Term term="Resolved">
                <When instant={alert.resolvedAt} now={now} />
              </Term>
            )}
          </dl>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2 sm:flex-col sm:items-end">
          {alert.acknowledgedAt ? (
            <p className="text-xs text-gray-600 dark:text-gray-400">
              Acknowledged{' '}
              <time dateTime={alert.acknowledgedAt} title={formatDateTime(alert.acknowledgedAt)}>
                {formatTimeAgo(Date.parse(alert.acknowledgedAt), now)}
              </time>
            </p>
          ) : (
            <button
              type="button"
              onClick={onAcknowledge}
              disabled={isAcknowledging}
              aria-label={`Acknowledge: ${alert.summary}`}
              className="inline-flex items-center gap-1.5 rounded-md border border-gray-300 bg-white px-2.5 py-1.5 text-sm font-medium text-gray-900 shadow-sm hover:bg-gray-50 disabled:opacity-60 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800"
            >
              {isAcknowledging && <Spinner className="size-4" />}
              Acknowledge
            </button>
          )}
          <button
            type="button"
            onClick={onToggle}
            aria-expanded={isExpanded}
            aria-controls={panelId}
            className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950/60"
          >
            Deliveries
            {isExpanded ? <ChevronUpIcon className="size-4" /> : <ChevronDownIcon className="size-4" />}
          </button>
        </div>
      </div>
      {isExpanded && (
        <div id={panelId} className="mt-3 border-t border-gray-200 pt-3 dark:border-gray-800">
          <DeliveriesPanel alertId={alert.id} />
        </div>
      )}
    </li>
  )
}

function Term({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-gray-600 dark:text-gray-400">{term}</dt>
      <dd className="min-w-0 break-words text-gray-900 dark:text-gray-100">{children}</dd>
    </>
  )
}

/** The local date and time, and how long ago: "5/12/2026, 14:03:12 · 3 min ago". */
function When({ instant, now }: { instant: string; now: number }) {
  return (
    <>
      <time dateTime={instant}>{formatDateTime(instant)}</time>
      <span className="text-gray-600 dark:text-gray-400"> · {formatTimeAgo(Date.parse(instant), now)}</span>
    </>
  )
}
