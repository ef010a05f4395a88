import { Link } from 'react-router'
import { Button, buttonClasses } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorBanner } from '@/components/ErrorBanner'
import { KeyIcon, PlusIcon, RefreshIcon } from '@/components/icons'
import { PageHeader } from '@/components/PageHeader'
import { Spinner } from '@/components/Spinner'
import { KeyRateLimitsSection } from '@/features/rate-limits/components/KeyRateLimitsSection'
import { useRateLimits } from '@/features/rate-limits/hooks/use-rate-limits'
import { useNow } from '@/hooks/use-now'
import { usePageTitle } from '@/hooks/use-page-title'
import { describeError } from '@/lib/api-error'
import { formatClockTime, formatDateTime } from '@/lib/format'

export function DashboardPage() {
  usePageTitle('Dashboard')
  const rateLimits = useRateLimits()
  const { data, error, isFetching: isRefreshing } = rateLimits
  /** When the browser received `data` (epoch ms). */
  const receivedAt = data ? rateLimits.dataUpdatedAt : null
  // One clock for the whole page: every countdown ticks together, once a second.
  const now = useNow(1000)
  // A click while a request is on its way waits for that one rather than starting another.
  const refresh = () => void rateLimits.refetch({ cancelRefetch: false })

  const retryButton = (
    <Button variant="secondary" onClick={refresh} isLoading={isRefreshing}>
      {!isRefreshing && <RefreshIcon className="size-4" />}
      Retry
    </Button>
  )

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Rate-limit headroom across your provider API keys, refreshed every minute."
        actions={
          <>
            {receivedAt !== null && (
              <p className="text-sm text-gray-600 dark:text-gray-400">
                Last updated{' '}
                <time dateTime={new Date(receivedAt).toISOString()} title={formatDateTime(receivedAt)}>
                  {formatClockTime(receivedAt)}
                </time>
              </p>
            )}
            <Button variant="secondary" onClick={refresh} isLoading={isRefreshing && data !== undefined}>
              {!(isRefreshing && data !== undefined) && <RefreshIcon className="size-4" />}
              {isRefreshing && data !== undefined ? 'Refreshing…' : 'Refresh'}
            </Button>
          </>
        }
      />

      {error && (
        <div className="mb-6">
          <ErrorBanner
            message={
              data && receivedAt !== null
                ? `The rate limits could not be refreshed. ${describeError(error)} Showing the figures from ${formatClockTime(receivedAt)}.`
                : `The rate limits could not be loaded. ${describeError(error)}`
            }
            action={retryButton}
          />
        </div>
      )}

      {!data && !error && (
        <div className="flex justify-center py-16 text-indigo-600 dark:text-indigo-400">
          <Spinner label="Loading rate limits…" className="size-8" />
        </div>
      )}

      {data && data.keys.length === 0 && (
        <EmptyState
          icon={<KeyIcon className="size-6" />}
          title="No API keys yet"
          description="Add a provider API key and Quotah will show how close it is to its rate limits and what it costs."
          action={
            <Link to="/api-keys" className={buttonClasses('primary')}>
              <PlusIcon className="size-4" />
              Add an API key
            </Link>
          }
        />
      )}

      {data && receivedAt !== null && data.keys.length > 0 && (
        <div className="space-y-10">
          {data.keys.map((key) => (
            <KeyRateLimitsSection key={key.keyId} rateLimits={key} now={now} receivedAt={receivedAt} />
          ))}
        </div>
      )}
    </>
  )
}
