import { Cell, Pie, PieChart, Tooltip } from 'recharts'
import { ChartCard } from '@/features/analytics/components/ChartCard'
import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import { knownTotalCents, pieSlices, providerShares, shareText, sharesSummary } from '@/features/analytics/utils/chart-data'
import { aggregateCostText } from '@/features/analytics/utils/cost-text'
import { providerColour } from '@/features/analytics/utils/series-colours'

const SIZE = 160
const PARTIAL_NOTE = ', plus usage with no known price'

/** A donut of the range's cost per provider (from a groupBy=provider answer), with a legend. */
export function ProviderCostChart({ analysis }: { analysis: CostAnalysis }) {
  const shares = providerShares(analysis)
  const totalCents = knownTotalCents(shares)
  const total = aggregateCostText(analysis.total, analysis.currency)
  const colours = new Map(shares.map((share, index) => [share.id, providerColour(share.id, index)]))
  const slices = pieSlices(shares)

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
        {/* The drawing is one image to assistive technology: its words are the label and the table. */}
        <div
          role="img"
          aria-label={`Cost by provider: ${sharesSummary(shares)}`}
          data-testid="provider-chart"
          className="relative size-40 shrink-0 text-gray-500"
        >
          <PieChart width={SIZE} height={SIZE} accessibilityLayer={false}>
            <Pie
              data={[{ id: 'ring', cents: 1 }]}
              dataKey="cents"
              innerRadius={52}
              outerRadius={76}
              isAnimationActive={false}
              rootTabIndex={-1}
              stroke="none"
              fill="currentColor"
              fillOpacity={0.12}
            />
            {slices.length > 0 && (
              <Pie
                data={slices}
                dataKey="cents"
                nameKey="label"
                innerRadius={52}
                outerRadius={76}
                startAngle={90}
                endAngle={-270}
                stroke="none"
                isAnimationActive={false}
                rootTabIndex={-1}
              >
                {slices.map((share) => (
                  <Cell key={share.id} className={colours.get(share.id)?.fill} />
                ))}
              </Pie>
            )}
            <Tooltip
              formatter={(_value, _name, item) => (item.payload as { text?: string }).text ?? ''}
              wrapperClassName="text-xs"
            />
          </PieChart>
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
          {shares.map((share) => (
            <li key={share.id} className="flex items-center gap-2">
              <span className={`size-2.5 shrink-0 rounded-sm ${colours.get(share.id)?.swatch ?? ''}`} />
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
