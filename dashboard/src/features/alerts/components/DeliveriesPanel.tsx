import { Button } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { RefreshIcon } from '@/components/icons'
import { Spinner } from '@/components/Spinner'
import { StatusBadge } from '@/components/StatusBadge'
import { useDeliveries } from '@/features/alerts/hooks/use-alert-history'
import { attemptResultText, deliveryStatusText, stateText } from '@/features/alerts/utils/alert-text'
import { channelName } from '@/features/alerts/utils/rule-text'
import { describeError } from '@/lib/api-error'
import { formatDateTime } from '@/lib/format'

/** How notification-service sent one alert: each channel and recipient, for the raise and the resolve. */
export function DeliveriesPanel({ alertId }: { alertId: string }) {
  const deliveries = useDeliveries(alertId)

  if (deliveries.isPending) {
    return (
      <div className="py-3 text-indigo-600 dark:text-indigo-400">
        <Spinner label="Loading deliveries…" className="size-5" />
      </div>
    )
  }
  if (deliveries.isError) {
    return (
      <ErrorBanner
        message={`The deliveries could not be loaded. ${describeError(deliveries.error)}`}
        action={
          <Button variant="secondary" onClick={() => void deliveries.refetch()} isLoading={deliveries.isFetching}>
            {!deliveries.isFetching && <RefreshIcon className="size-4" />}
            Retry
          </Button>
        }
      />
    )
  }
  if (deliveries.data.length === 0) {
    return (
      <p role="status" className="text-sm text-gray-600 dark:text-gray-400">
        Nothing has been sent for this alert yet.
      </p>
    )
  }

  return (
    // Laid out by the room the panel has, not the window's: it sits in a narrow rule card as well as a wide history row.
    <ul aria-label="Deliveries" className="@container divide-y divide-gray-200 dark:divide-gray-800">
      {deliveries.data.map((delivery) => {
        const status = deliveryStatusText(delivery.status)
        return (
          <li
            key={delivery.id}
            data-testid="delivery"
            data-status={delivery.status}
            className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 py-2.5 text-sm @xl:grid-cols-[7rem_1fr_auto]"
          >
            <span className="font-medium text-gray-900 dark:text-gray-100">{channelName(delivery.channel)}</span>
            <span className="min-w-0 [overflow-wrap:anywhere] text-gray-700 dark:text-gray-300">{delivery.recipient}</span>
            <span className="col-span-2 flex flex-wrap items-center gap-2 @xl:col-span-1 @xl:justify-end">
              <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
              <span className="text-xs text-gray-600 dark:text-gray-400">
                {stateText(delivery.state).label.toLowerCase()} message ·{' '}
                {delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`}
              </span>
            </span>
            <span className="col-span-2 text-xs text-gray-600 @xl:col-span-3 dark:text-gray-400">
              {delivery.sentAt ? (
                <>
                  Sent <time dateTime={delivery.sentAt}>{formatDateTime(delivery.sentAt)}</time>
                </>
              ) : delivery.nextAttemptAt ? (
                <>
                  Next attempt <time dateTime={delivery.nextAttemptAt}>{formatDateTime(delivery.nextAttemptAt)}</time>
                </>
              ) : (
                <>
                  {delivery.status === 'PENDING' ? 'Queued' : 'Created'}{' '}
                  <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
                </>
              )}
              {delivery.lastError && (
                <span className="mt-0.5 block break-words text-red-700 dark:text-red-300">Last error: {delivery.lastError}</span>
              )}
            </span>
            {delivery.attemptLog.length > 1 && (
              <details className="col-span-2 text-xs text-gray-600 @xl:col-span-3 dark:text-gray-400">
                <summary className="cursor-pointer font-medium text-gray-700 dark:text-gray-300">
                  Every attempt ({delivery.attemptLog.length})
                </summary>
                <ol className="mt-1 space-y-0.5">
                  {delivery.attemptLog.map((attempt) => (
                    <li key={attempt.attempt} className="break-words">
                      #{attempt.attempt} · <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time> ·{' '}
                      {attemptResultText(attempt.result)}
                      {attempt.error && `: ${attempt.error}`}
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </li>
        )
      })}
    </ul>
  )
}
