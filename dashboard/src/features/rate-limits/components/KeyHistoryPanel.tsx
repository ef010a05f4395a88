import { useId, useState } from 'react'
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { Button } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { Spinner } from '@/components/Spinner'
import { useRateLimitHistory } from '@/features/rate-limits/hooks/use-rate-limit-history'
import { HISTORY_SPANS, type HistorySpan } from '@/features/rate-limits/types/rate-limit-history'
import { historySeries, seriesSummary, type HistorySeries } from '@/features/rate-limits/utils/history-series'
import { describeError } from '@/lib/api-error'
import { formatCount, formatDateTime } from '@/lib/format'

const CHART_HEIGHT = 140

type KeyHistoryPanelProps = { keyId: string; keyName: string }

/**
 * A key's remaining headroom over the last hour, day or week: one small line chart per window, each an
 * image whose label says in words what it shows. Loaded only when a key's history is opened.
 */
export default function KeyHistoryPanel({ keyId, keyName }: KeyHistoryPanelProps) {
  const [span, setSpan] = useState<HistorySpan>('24h')
  const history = useRateLimitHistory(keyId, span)
  const { data, error, isPlaceholderData, isFetching } = history
  const spanGroupId = useId()
  const series = data ? historySeries(data.points) : []
  const shownSpan = isPlaceholderData ? null : span

  return (
    <div data-testid="key-history" className="mt-3 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={spanGroupId} className="text-sm font-semibold text-gray-900 dark:text-gray-50">
          Remaining headroom over time
        </h3>
        <div role="group" aria-labelledby={spanGroupId} className="inline-flex rounded-md shadow-sm">
          {(Object.keys(HISTORY_SPANS) as HistorySpan[]).map((option, index, all) => (
            <button
              key={option}
              type="button"
              aria-pressed={span === option}
              title={`Show ${HISTORY_SPANS[option].words}`}
              onClick={() => setSpan(option)}
              className={`border border-gray-300 px-3 py-1 text-xs font-semibold dark:border-gray-700 ${
                index === 0 ? 'rounded-l-md' : '-ml-px'
              } ${index === all.length - 1 ? 'rounded-r-md' : ''} ${
                span === option
                  ? 'z-10 bg-indigo-600 text-white dark:bg-indigo-500'
                  : 'bg-white text-gray-700 hover:bg-gray-50 dark:bg-gray-900 dark:text-gray-300 dark:hover:bg-gray-800'
              }`}
            >
              {HISTORY_SPANS[option].label}
            </button>
          ))}
        </div>
      </div>

      {error && (
        <div className="mt-3">
          <ErrorBanner
            message={`The history of ${keyName} could not be loaded. ${describeError(error)}`}
            action={
              <Button variant="secondary" onClick={() => void history.refetch()} isLoading={isFetching}>
                Retry
              </Button>
            }
          />
        </div>
      )}

      {!data && !error && (
        <div className="flex justify-center py-8 text-indigo-600 dark:text-indigo-400">
          <Spinner label="Loading the history…" className="size-6" />
        </div>
      )}

      {data && (
        <div aria-busy={isPlaceholderData} className={isPlaceholderData ? 'opacity-60' : ''}>
          {isPlaceholderData && <p className="mt-2 text-xs text-gray-600 dark:text-gray-400">Loading {HISTORY_SPANS[span].words}…</p>}
          {series.length === 0 ? (
            <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">
              {`No readings of remaining headroom in ${HISTORY_SPANS[shownSpan ?? span].words}.`}
            </p>
          ) : (
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              {series.map((item) => (
                <SeriesChart
                  key={item.id}
                  series={item}
                  from={Date.parse(data.from)}
                  to={Date.parse(data.to)}
                  spanWords={HISTORY_SPANS[shownSpan ?? span].words}
                  keyName={keyName}
                />
              ))}
            </div>
          )}
          {data.resolution === '5m' && (
            <p className="mt-2 text-xs text-gray-500 dark:text-gray-400">Older readings are 5-minute lows.</p>
          )}
        </div>
      )}
    </div>
  )
}

type SeriesChartProps = { series: HistorySeries; from: number; to: number; spanWords: string; keyName: string }

function SeriesChart({ series, from, to, spanWords, keyName }: SeriesChartProps) {
  const long = to - from > 2 * 24 * 60 * 60 * 1000
  const tick = (at: number) =>
    new Date(at).toLocaleString(undefined, long ? { weekday: 'short', day: 'numeric' } : { hour: '2-digit', minute: '2-digit' })

  return (
    <figure data-testid="history-series" data-kind={series.kind} className="min-w-0">
      <figcaption className="text-xs font-medium text-gray-700 dark:text-gray-300">
        {series.name}
        {series.limit !== null && (
          <span className="font-normal text-gray-500 dark:text-gray-400"> · limit {formatCount(series.limit)}</span>
        )}
      </figcaption>
      <div
        role="img"
        aria-label={`${keyName}, ${series.name.charAt(0).toLowerCase()}${series.name.slice(1)} remaining over ${spanWords}: ${seriesSummary(series)}`}
        // Recharts sets colours as attributes; these classes (stronger than attributes) follow the theme.
        className="mt-1 text-gray-500 dark:text-gray-400 [&_.recharts-line-curve]:stroke-indigo-500 dark:[&_.recharts-line-curve]:stroke-indigo-400"
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 320, height: CHART_HEIGHT }}>
          <LineChart data={series.readings} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.25} />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={[from, to]}
              tickFormatter={tick}
              minTickGap={32}
              tickLine={false}
              tick={{ fill: 'currentColor' }}
              stroke="currentColor"
              strokeOpacity={0.4}
              className="text-[0.65rem] tabular-nums"
            />
            <YAxis
              domain={[0, series.limit ?? 'auto']}
              tickFormatter={(value: number) => formatCount(value)}
              width={56}
              tickLine={false}
              axisLine={false}
              tick={{ fill: 'currentColor' }}
              className="text-[0.65rem] tabular-nums"
            />
            {series.limit !== null && (
              <ReferenceLine y={series.limit} stroke="currentColor" strokeDasharray="4 4" strokeOpacity={0.6} />
            )}
            <Tooltip
              labelFormatter={(at) => formatDateTime(Number(at))}
              formatter={(value) => [formatCount(Number(value)), 'Remaining']}
              wrapperClassName="text-xs"
            />
            <Line
              type="stepAfter"
              dataKey="remaining"
              name="Remaining"
              strokeWidth={2}
              dot={series.readings.length === 1}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
