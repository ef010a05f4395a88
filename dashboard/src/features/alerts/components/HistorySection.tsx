import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorBanner } from '@/components/ErrorBanner'
import { BellIcon, CheckIcon, RefreshIcon } from '@/components/icons'
import { NoticeBanner } from '@/components/NoticeBanner'
import { SelectField } from '@/components/SelectField'
import { Spinner } from '@/components/Spinner'
import { AlertHistoryItem } from '@/features/alerts/components/AlertHistoryItem'
import { DeliveriesPanel } from '@/features/alerts/components/DeliveriesPanel'
import {
  useAcknowledgeAlert,
  useAcknowledgeAllAlerts,
  useAlert,
  useAlertHistory,
} from '@/features/alerts/hooks/use-alert-history'
import { useHistoryFilters } from '@/features/alerts/hooks/use-history-filters'
import { useUnacknowledgedCount } from '@/features/alerts/hooks/use-unacknowledged-count'
import type { Alert } from '@/features/alerts/types/alert'
import { useNow } from '@/hooks/use-now'
import { describeError } from '@/lib/api-error'
import { formatCount } from '@/lib/format'

type HistorySectionProps = {
  onNotice: (notice: { tone: 'info' | 'error'; message: string } | null) => void
}

const SEVERITY_OPTIONS = [
  { value: '', label: 'All' },
  { value: 'INFO', label: 'Info' },
  { value: 'WARNING', label: 'Warning' },
  { value: 'CRITICAL', label: 'Critical' },
]
const STATE_OPTIONS = [
  { value: '', label: 'All' },
  { value: 'RAISED', label: 'Raised' },
  { value: 'RESOLVED', label: 'Resolved' },
]
const ACKNOWLEDGED_OPTIONS = [
  { value: '', label: 'All' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

export function HistorySection({ onNotice }: HistorySectionProps) {
  const { filters, selected, linkedAlertId, setFilter, setPage } = useHistoryFilters()
  const history = useAlertHistory(filters)
  const count = useUnacknowledgedCount()
  const acknowledge = useAcknowledgeAlert()
  const acknowledgeAll = useAcknowledgeAllAlerts()
  // The linked alert starts open, showing its deliveries.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(linkedAlertId ? [linkedAlertId] : []))
  // "3 min ago" stays true while the page is open.
  const now = useNow(30_000)

  const isFiltered = selected.severity !== '' || selected.state !== '' || selected.acknowledged !== ''
  const page = history.data
  const linkedMissing =
    linkedAlertId !== null && page !== undefined && !history.isPlaceholderData && !page.items.some((alert) => alert.id === linkedAlertId)
  // Only looked up when the page of the history does not hold it.
  const linked = useAlert(linkedMissing ? linkedAlertId : null)

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }

  function acknowledgeOne(alert: Alert) {
    onNotice(null)
    acknowledge.mutate(alert.id, {
      onError: (error) => onNotice({ tone: 'error', message: `The alert was not acknowledged. ${describeError(error)}` }),
    })
  }

  function acknowledgeEverything() {
    onNotice(null)
    acknowledgeAll.mutate(undefined, {
      onSuccess: (acknowledged) =>
        onNotice({
          tone: 'info',
          message: acknowledged === 1 ? 'Acknowledged 1 alert.' : `Acknowledged ${formatCount(acknowledged)} alerts.`,
        }),
      onError: (error) => onNotice({ tone: 'error', message: `The alerts were not acknowledged. ${describeError(error)}` }),
    })
  }

  return (
    <section aria-labelledby="alert-history-heading">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="alert-history-heading" className="text-lg font-semibold text-gray-900 dark:text-gray-50">
          History
        </h2>
        <Button
          variant="secondary"
          onClick={acknowledgeEverything}
          isLoading={acknowledgeAll.isPending}
          disabled={count.data === 0}
        >
          {!acknowledgeAll.isPending && <CheckIcon className="size-4" />}
          Acknowledge all
        </Button>
      </div>

      <div role="group" aria-label="Filters" className="mb-4 grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Severity"
          name="severity"
          value={selected.severity}
          onChange={(value) => setFilter('severity', value)}
          options={SEVERITY_OPTIONS}
        />
        <SelectField
          label="State"
          name="state"
          value={selected.state}
          onChange={(value) => setFilter('state', value)}
          options={STATE_OPTIONS}
        />
        <SelectField
          label="Acknowledged"
          name="acknowledged"
          value={selected.acknowledged}
          onChange={(value) => setFilter('acknowledged', value)}
          options={ACKNOWLEDGED_OPTIONS}
        />
      </div>

      {linkedMissing && (
        <div className="mb-4 space-y-3 rounded-lg border border-indigo-200 p-3 dark:border-indigo-900">
          <NoticeBanner message="The alert from your link is not on this page of the history: it may be older, or hidden by the filters. Here it is." />
          {linked.data ? (
            <ul aria-label="Linked alert">
              <AlertHistoryItem
                alert={linked.data}
                now={now}
                isExpanded={expanded.has(linked.data.id)}
                onToggle={() => toggle(linked.data.id)}
                isLinked
                onAcknowledge={() => acknowledgeOne(linked.data)}
                isAcknowledging={acknowledge.isPending && acknowledge.variables === linked.data.id}
              />
            </ul>
          ) : (
            <DeliveriesPanel alertId={linkedAlertId} />
          )}
        </div>
      )}

      {history.isPending && (
        <div className="flex justify-center py-10 text-indigo-600 dark:text-indigo-400">
          <Spinner label="Loading alert history…" className="size-8" />
        </div>
      )}

      {history.isError && (
        <ErrorBanner
          message={`The alert history could not be ${page ? 'refreshed' : 'loaded'}. ${describeError(history.error)}`}
          action={
            <Button variant="secondary" onClick={() => void history.refetch()} isLoading={history.isFetching}>
              {!history.isFetching && <RefreshIcon className="size-4" />}
              Retry
            </Button>
          }
        />
      )}

      {page && page.items.length === 0 && page.totalItems > 0 && (
        <ErrorBanner
          message={`Page ${page.page + 1} is past the end of the history, which has ${page.totalPages === 1 ? '1 page' : `${page.totalPages} pages`}.`}
          action={
            <Button variant="secondary" onClick={() => setPage(0)}>
              First page
            </Button>
          }
        />
      )}

      {page && page.totalItems === 0 && (
        <EmptyState
          icon={<BellIcon className="size-6" />}
          title={isFiltered ? 'No alerts match these filters' : 'No alerts yet'}
          description={
            isFiltered
              ? 'Choose “All” in a filter to see more of the history.'
              : 'When a rule’s condition is met, the alert appears here and on the bell at the top of every page.'
          }
        />
      )}

      {page && page.items.length > 0 && (
        <>
          <ul aria-label="Alert history" aria-busy={history.isPlaceholderData || undefined} className="space-y-3">
            {page.items.map((alert) => (
              <AlertHistoryItem
                key={alert.id}
                alert={alert}
                now={now}
                isExpanded={expanded.has(alert.id)}
                onToggle={() => toggle(alert.id)}
                isLinked={alert.id === linkedAlertId}
                onAcknowledge={() => acknowledgeOne(alert)}
                isAcknowledging={acknowledge.isPending && acknowledge.variables === alert.id}
              />
            ))}
          </ul>
          <nav aria-label="History pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-gray-600 dark:text-gray-400">
              Page {page.page + 1} of {Math.max(page.totalPages, 1)} ·{' '}
              {page.totalItems === 1 ? '1 alert' : `${formatCount(page.totalItems)} alerts`}
            </p>
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setPage(page.page - 1)} disabled={page.page <= 0}>
                Previous
              </Button>
              <Button
                variant="secondary"
                onClick={() => setPage(page.page + 1)}
                disabled={page.page + 1 >= page.totalPages}
              >
                Next
              </Button>
            </div>
          </nav>
        </>
      )}
    </section>
  )
}
