import { ChartCard } from '@/features/analytics/components/ChartCard'
import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import type { DateRange } from '@/features/analytics/types/date-range'
import { dailyCosts, dailySummary } from '@/features/analytics/utils/chart-data'
import { formatDay, formatShortDay } from '@/features/analytics/utils/days'
import { niceCeilCents, trendPath } from '@/features/analytics/utils/trend-geometry'
import { formatCents } from '@/lib/money'

/** A line of the cost per UTC day across the range (from the answer's "trend"). */
export function DailyCostChart({ analysis, range }: { analysis: CostAnalysis; range: DateRange }) {
  const days = dailyCosts(analysis, range)
  const top = niceCeilCents(Math.max(0, ...days.map((day) => day.cents)))
  const { line, area, points } = trendPath(days, top)
  const columnWidth = 100 / Math.max(days.length, 1)
  const middle = days.length >= 3 ? days[Math.floor((days.length - 1) / 2)] : null
  const summary = `Daily cost from ${formatDay(range.from)} to ${formatDay(range.to)}: ${dailySummary(days, analysis.currency)}`

  return (
    <ChartCard
      title="Daily cost"
      description="Per UTC day; a day without usage counts as $0."
      className="lg:col-span-2"
      data={{
        labelHeader: 'Day',
        valueHeader: 'Cost',
        rows: days.map((day) => ({ label: formatDay(day.day), value: day.text })),
      }}
    >
      <div className="flex gap-2">
        <div
          aria-hidden="true"
          className="flex h-40 shrink-0 flex-col justify-between text-right text-[0.65rem] text-gray-500 tabular-nums sm:h-48 dark:text-gray-400"
        >
          <span className="-translate-y-1/2">{formatCents(top, analysis.currency)}</span>
          <span className="translate-y-1/2">{formatCents(0, analysis.currency)}</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            viewBox="0 0 100 100"
            preserveAspectRatio="none"
            role="img"
            aria-label={summary}
            data-testid="trend-chart"
            className="block h-40 w-full overflow-visible sm:h-48"
          >
            {[0, 50, 100].map((y) => (
              <line
                key={y}
                x1="0"
                x2="100"
                y1={y}
                y2={y}
                vectorEffect="non-scaling-stroke"
                strokeDasharray={y === 100 ? undefined : '3 3'}
                className="stroke-gray-200 dark:stroke-gray-800"
              />
            ))}
            <path d={area} className="fill-indigo-500/10 dark:fill-indigo-400/15" />
            <path
              d={line}
              fill="none"
              strokeWidth="2"
              strokeLinejoin="round"
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
              className="stroke-indigo-500 dark:stroke-indigo-400"
            />
            {/* Invisible columns give each day a tooltip under the mouse. */}
            {days.map((day, index) => (
              <rect
                key={day.day}
                x={Math.max(0, points[index].x - columnWidth / 2)}
                y="0"
                width={columnWidth}
                height="100"
                fill="transparent"
              >
                <title>{`${formatDay(day.day)}: ${day.text}`}</title>
              </rect>
            ))}
          </svg>
          <div
            aria-hidden="true"
            className="mt-1.5 flex justify-between text-[0.65rem] text-gray-500 tabular-nums dark:text-gray-400"
          >
            <span>{formatShortDay(range.from)}</span>
            {middle && <span>{formatShortDay(middle.day)}</span>}
            <span>{formatShortDay(range.to)}</span>
          </div>
        </div>
      </div>
    </ChartCard>
  )
}
