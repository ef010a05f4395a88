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
  const maxCents = Math.max(0, ...shares.map((share) => share.cents ?? 0))
  const hasOther = shares.some((share) => share.id === 'other')

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
      <svg
        role="img"
        aria-label={`Cost by model, highest first: ${sharesSummary(shares)}`}
        data-testid="model-chart"
        width="100%"
        height={shares.length * ROW_HEIGHT}
        className="block overflow-visible"
      >
        {shares.map((share, index) => {
          const y = index * ROW_HEIGHT
          const percent = maxCents > 0 && share.cents ? Math.max((share.cents / maxCents) * 100, 0.5) : 0
          const percentText = shareText(share.cents, totalCents)
          return (
            <g key={share.id}>
              <title>{`${share.label}: ${share.text}`}</title>
              <text x="0" y={y + 13} className="fill-gray-700 text-xs dark:fill-gray-300">
                {truncate(share.label)}
              </text>
              <text
                x="100%"
                y={y + 13}
                textAnchor="end"
                className="fill-gray-900 text-xs font-medium tabular-nums dark:fill-gray-100"
              >
                {percentText ? `${share.text} · ${percentText}` : share.text}
              </text>
              <rect x="0" y={y + 20} width="100%" height="10" rx="3" className="fill-gray-100 dark:fill-gray-800" />
              {percent > 0 && (
                <rect
                  x="0"
                  y={y + 20}
                  width={`${percent}%`}
                  height="10"
                  rx="3"
                  className="fill-indigo-500 dark:fill-indigo-400"
                />
              )}
            </g>
          )
        })}
      </svg>
    </ChartCard>
  )
}

function truncate(label: string): string {
  return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1)}…` : label
}
