import { ChartCard } from '@/features/analytics/components/ChartCard'
import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import {
  knownTotalCents,
  providerShares,
  ringSegments,
  shareText,
  sharesSummary,
} from '@/features/analytics/utils/chart-data'
import { aggregateCostText } from '@/features/analytics/utils/cost-text'
import { providerColour } from '@/features/analytics/utils/series-colours'

const RADIUS = 40
const CIRCUMFERENCE = 2 * Math.PI * RADIUS
const PARTIAL_NOTE = ', plus usage with no known price'

/** A donut of the range's cost per provider (from a groupBy=provider answer), with a legend. */
export function ProviderCostChart({ analysis }: { analysis: CostAnalysis }) {
  const shares = providerShares(analysis)
  const totalCents = knownTotalCents(shares)
  const total = aggregateCostText(analysis.total, analysis.currency)

  const segments = ringSegments(shares, CIRCUMFERENCE).map((segment, index) => ({
    ...segment,
    colour: providerColour(segment.share.id, index),
  }))

  return (
    <ChartCard
      title="Cost by provider"
      data={{
        labelHeader: 'Provider',
        valueHeader: 'Cost',
        rows: shares.map((share) => ({
          label: share.label,
          value: `${valueText(share.text, shareText(share.cents, totalCents))}${share.partial ? PARTIAL_NOTE : ''}`,
        })),
      }}
    >
      <div className="flex flex-col items-center gap-5 sm:flex-row sm:items-center">
        <div className="relative size-40 shrink-0">
          <svg
            viewBox="0 0 100 100"
            role="img"
            aria-label={`Cost by provider: ${sharesSummary(shares)}`}
            data-testid="provider-chart"
            className="size-full"
          >
            <g transform="rotate(-90 50 50)" fill="none" strokeWidth="14">
              <circle cx="50" cy="50" r={RADIUS} className="stroke-gray-100 dark:stroke-gray-800" />
              {segments
                .filter((segment) => segment.length > 0)
                .map(({ share, length, offset: start, colour }) => (
                  <circle
                    key={share.id}
                    cx="50"
                    cy="50"
                    r={RADIUS}
                    strokeDasharray={`${length} ${CIRCUMFERENCE}`}
                    strokeDashoffset={-start}
                    className={colour.stroke}
                  >
                    <title>{`${share.label}: ${share.text}`}</title>
                  </circle>
                ))}
            </g>
          </svg>
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center"
          >
            <span className="text-base leading-none font-semibold text-gray-900 tabular-nums dark:text-gray-50">
              {total.text}
            </span>
            <span className="mt-1 text-[0.65rem] tracking-wide text-gray-500 uppercase dark:text-gray-400">total</span>
          </div>
        </div>

        <ul aria-hidden="true" className="w-full min-w-0 space-y-2 text-sm">
          {segments.map(({ share, colour }) => (
            <li key={share.id} className="flex items-center gap-2">
              <span className={`size-2.5 shrink-0 rounded-sm ${colour.swatch}`} />
              <span className="min-w-0 flex-1 truncate text-gray-700 dark:text-gray-300">{share.label}</span>
              <span className="font-medium text-gray-900 tabular-nums dark:text-gray-100">
                {share.text}
                {share.partial && '*'}
              </span>
              <span className="w-10 text-right text-xs text-gray-500 tabular-nums dark:text-gray-400">
                {shareText(share.cents, totalCents)}
              </span>
            </li>
          ))}
          {shares.some((share) => share.partial) && (
            <li className="text-xs text-gray-500 dark:text-gray-400">* plus usage with no known price</li>
          )}
        </ul>
      </div>
    </ChartCard>
  )
}

function valueText(cost: string, share: string): string {
  return share ? `${cost} (${share})` : cost
}
