import { Link } from 'react-router'
import { Button, buttonClasses } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorBanner } from '@/components/ErrorBanner'
import { ChartIcon, DownloadIcon, KeyIcon, RefreshIcon } from '@/components/icons'
import { NoticeBanner } from '@/components/NoticeBanner'
import { PageHeader } from '@/components/PageHeader'
import { Spinner } from '@/components/Spinner'
import { CostTable } from '@/features/analytics/components/CostTable'
import { DailyCostChart } from '@/features/analytics/components/DailyCostChart'
import { DateRangePicker } from '@/features/analytics/components/DateRangePicker'
import { ModelCostChart } from '@/features/analytics/components/ModelCostChart'
import { ProviderCostChart } from '@/features/analytics/components/ProviderCostChart'
import { SummaryCards } from '@/features/analytics/components/SummaryCards'
import { useCostAnalysis } from '@/features/analytics/hooks/use-cost-analysis'
import { useCsvExport } from '@/features/analytics/hooks/use-csv-export'
import { useDateRange } from '@/features/analytics/hooks/use-date-range'
import type { AnalyticsData } from '@/features/analytics/types/cost-analysis'
import { usePageTitle } from '@/hooks/use-page-title'
import { describeError } from '@/lib/api-error'

export function AnalyticsPage() {
  usePageTitle('Analytics')
  const { selection, today, choose } = useDateRange()
  const { range } = selection
  const analysis = useCostAnalysis(range)
  // While another range loads, this is still the last one's (`analysis.isPlaceholderData`).
  const data = analysis.data
  const csv = useCsvExport(range)

  return (
    <>
      <PageHeader
        title="Analytics"
        description="What your provider keys cost, by provider, model and key."
        actions={
          <Button variant="secondary" onClick={csv.run} isLoading={csv.isExporting}>
            {!csv.isExporting && <DownloadIcon className="size-4" />}
            Export CSV
          </Button>
        }
      />

      <DateRangePicker selection={selection} today={today} onChoose={choose} />

      {csv.error && (
        <div className="mb-6">
          <ErrorBanner message={`The CSV could not be exported. ${csv.error}`} />
        </div>
      )}
      {csv.savedAs && (
        <div className="mb-6">
          <NoticeBanner message={`Exported the cost by model and key as ${csv.savedAs}.`} />
        </div>
      )}

      {analysis.isPending && (
        <div className="flex justify-center py-16 text-indigo-600 dark:text-indigo-400">
          <Spinner label="Loading analytics…" className="size-8" />
        </div>
      )}

      {analysis.isError && (
        <div className="mb-6">
          <ErrorBanner
            message={`Analytics could not be ${data ? 'refreshed' : 'loaded'}. ${describeError(analysis.error)}`}
            action={
              <Button variant="secondary" onClick={() => void analysis.refetch()} isLoading={analysis.isFetching}>
                {!analysis.isFetching && <RefreshIcon className="size-4" />}
                Retry
              </Button>
            }
          />
        </div>
      )}

      {analysis.isPlaceholderData && (
        <p className="mb-4 flex items-center gap-2 text-sm text-gray-600 dark:text-gray-400">
          <Spinner className="size-4 text-indigo-600 dark:text-indigo-400" />
          <span role="status">Loading the chosen range; the figures below are still the last range’s.</span>
        </p>
      )}

      {data && data.byModelAndKey.breakdown.length === 0 && (
        <EmptyState
          icon={<ChartIcon className="size-6" />}
          title="No usage in this range yet"
          description="Cost appears here once Quotah has usage to price: give one of your keys an Admin key so Quotah reads the provider's usage and cost reports, or post observations of your own traffic to Quotah."
          action={
            <Link to="/api-keys" className={buttonClasses('primary')}>
              <KeyIcon className="size-4" />
              Go to API Keys
            </Link>
          }
        />
      )}

      {data && data.byModelAndKey.breakdown.length > 0 && (
        <AnalyticsReport data={data} isStale={analysis.isPlaceholderData} />
      )}
    </>
  )
}

/** `isStale` while the figures are another range's, shown until the chosen one has loaded. */
function AnalyticsReport({ data, isStale }: { data: AnalyticsData; isStale: boolean }) {
  return (
    <div aria-busy={isStale || undefined} className={`space-y-6 transition-opacity ${isStale ? 'opacity-60' : ''}`}>
      <SummaryCards analysis={data.byModelAndKey} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProviderCostChart analysis={data.byProvider} />
        <ModelCostChart analysis={data.byModel} />
        <DailyCostChart analysis={data.byModelAndKey} range={data.range} />
      </div>
      <section aria-labelledby="cost-table-heading">
        <h2 id="cost-table-heading" className="text-lg font-semibold text-gray-900 dark:text-gray-50">
          By model and key
        </h2>
        <p className="mt-1 mb-3 text-sm text-gray-600 dark:text-gray-400">
          Token counts by kind; input is uncached input, and reasoning is part of output. Select a column heading to
          sort.
        </p>
        <CostTable analysis={data.byModelAndKey} />
      </section>
    </div>
  )
}
