import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { ChartCard } from '@/features/analytics/components/ChartCard'
import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import {
  knownTotalCents,
  MAX_MODEL_BARS,
  modelShares,
  shareText,
  sharesSummary,
} from '@/features/analytics/utils/chart-data'

const ROW_HEIGHT = 40
/** Long model names are cut so name and cost share one line on a phone; the tooltip has it whole. */
const MAX_LABEL_LENGTH = 26

/** Horizontal bars of the range's cost per model (from a groupBy=model answer), costliest first. */
export function ModelCostChart({ analysis }: { analysis: CostAnalysis }) {
  const shares = modelShares(analysis)
  const totalCents = knownTotalCents(shares)
  const bars = shares.map((share) => {
    const percent = shareText(share.cents, totalCents)
    return {
      ...share,
      // An unknown cost draws no bar; the name and "unknown" still show.
      value: share.cents ?? 0,
      name: truncate(share.label),
      figure: percent ? `${share.text} · ${percent}` : share.text,
    }
  })
  const hasOther = shares.some((share) => share.id === 'other')
  const height = Math.max(shares.length, 1) * ROW_HEIGHT

  return (
    <ChartCard
      title="Cost by model"
      description={hasOther ? `The ${MAX_MODEL_BARS - 1} costliest models, then the rest together.` : undefined}
      data={{
        labelHeader: 'Model',
        valueHeader: 'Cost',
        rows: shares.map((share) => ({ label: share.label, value: share.text })),
      }}
    >
      <div
        role="img"
        aria-label={`Cost by model, highest first: ${sharesSummary(shares)}`}
        data-testid="model-chart"
        // Recharts sets colours as attributes; these classes (stronger than attributes) follow the theme.
        className="text-gray-700 dark:text-gray-300 [&_.recharts-bar-background-rectangle_path]:fill-gray-100 [&_.recharts-bar-rectangle_path]:fill-indigo-500 dark:[&_.recharts-bar-background-rectangle_path]:fill-gray-800 dark:[&_.recharts-bar-rectangle_path]:fill-indigo-400"
      >
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
          <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 0, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <XAxis type="number" hide domain={[0, 'dataMax']} />
            <YAxis type="category" dataKey="name" width={150} tickLine={false} axisLine={false} tick={{ fill: 'currentColor' }} className="text-xs" />
            <YAxis
              yAxisId="figures"
              orientation="right"
              type="category"
              dataKey="figure"
              width={120}
              tickLine={false}
              axisLine={false}
              tick={{ fill: 'currentColor' }}
              className="text-xs font-medium tabular-nums"
            />
            <Tooltip
              cursor={false}
              formatter={(_value, _name, item) => (item.payload as { text?: string }).text ?? ''}
              labelFormatter={(_label, payload) => (payload[0]?.payload as { label?: string } | undefined)?.label ?? ''}
              wrapperClassName="text-xs"
            />
            <Bar
              dataKey="value"
              name="Cost"
              barSize={12}
              radius={3}
              isAnimationActive={false}
              background
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  )
}

function truncate(label: string): string {
  return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1)}…` : label
}
