import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { ChartCard } from '@/features/analytics/components/ChartCard'
import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import type { DateRange } from '@/features/analytics/types/date-range'
import { dailyCosts, dailySummary } from '@/features/analytics/utils/chart-data'
import { formatDay, formatShortDay } from '@/features/analytics/utils/days'
import { niceCeilCents } from '@/features/analytics/utils/trend-geometry'
import { formatCents } from '@/lib/money'

const HEIGHT = 192

/** A line of the cost per UTC day across the range (from the answer's "trend"). */
export function DailyCostChart({ analysis, range }: { analysis: CostAnalysis; range: DateRange }) {
  const days = dailyCosts(analysis, range)
  const top = niceCeilCents(Math.max(0, ...days.map((day) => day.cents)))
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
      <div
        role="img"
        aria-label={summary}
        data-testid="trend-chart"
        // Recharts sets colours as attributes; these classes (stronger than attributes) follow the theme.
        className="text-gray-500 dark:text-gray-400 [&_.recharts-area-area]:fill-indigo-500/10 [&_.recharts-area-curve]:stroke-indigo-500 dark:[&_.recharts-area-area]:fill-indigo-400/15 dark:[&_.recharts-area-curve]:stroke-indigo-400"
      >
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 640, height: HEIGHT }}>
          <AreaChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.25} />
            <XAxis
              dataKey="day"
              tickFormatter={formatShortDay}
              interval="preserveStartEnd"
              minTickGap={24}
              tickLine={false}
              tick={{ fill: 'currentColor' }}
              stroke="currentColor"
              strokeOpacity={0.4}
              className="text-[0.65rem] tabular-nums"
            />
            <YAxis
              domain={[0, top]}
              ticks={[0, top / 2, top]}
              tickFormatter={(cents: number) => formatCents(cents, analysis.currency)}
              width={56}
              tickLine={false}
              axisLine={false}
              tick={{ fill: 'currentColor' }}
              className="text-[0.65rem] tabular-nums"
            />
            <Tooltip
              formatter={(_value, _name, item) => (item.payload as { text?: string }).text ?? ''}
              labelFormatter={(day) => formatDay(String(day))}
              wrapperClassName="text-xs"
            />
            <Area
              type="linear"
              dataKey="cents"
              name="Cost"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  )
}
