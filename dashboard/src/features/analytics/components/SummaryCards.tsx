import type { ReactNode } from 'react'
import { StatusBadge } from '@/components/StatusBadge'
import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import {
  aggregateCostText,
  reportedDiffers,
  reportedVsComputedText,
  totalRequestsText,
  totalTokens,
} from '@/features/analytics/utils/cost-text'
import { formatMonth } from '@/features/analytics/utils/days'
import { formatCount } from '@/lib/format'
import { formatMoney } from '@/lib/money'

/** The range at a glance: total cost, this month's projection, requests and tokens. */
export function SummaryCards({ analysis }: { analysis: CostAnalysis }) {
  const { total, projection, currency } = analysis
  const cost = aggregateCostText(total, currency)
  const differs = reportedDiffers(total)
  const inputTokens = total.inputTokens + total.cacheWrite5mTokens + total.cacheWrite1hTokens + total.cacheReadTokens
  const models = new Set(analysis.breakdown.map((row) => row.model)).size
  const keys = new Set(analysis.breakdown.map((row) => row.keyId)).size
  const requests = totalRequestsText(total, analysis.breakdown)

  return (
    <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Card term="Total cost">
        <span data-testid="analytics-total-cost">{cost.text}</span>
        {(differs || cost.partial || cost.text === 'unknown') && (
        <Details>
          {differs && (
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <StatusBadge
                tone="amber"
                data-testid="total-cost-differs"
                title={`${reportedVsComputedText(total, currency)}. The provider's reported cost counts.`}
              >
                Reported ≠ computed
              </StatusBadge>
              <span>{reportedVsComputedText(total, currency)}</span>
            </span>
          )}
          {cost.partial && <span className="block">Plus usage with no known price, not counted.</span>}
          {cost.text === 'unknown' && <span className="block">No price is known for the models used.</span>}
        </Details>
        )}
      </Card>

      <Card term={projection ? `Projected for ${formatMonth(projection.month)}` : 'Projected this month'}>
        <span data-testid="analytics-projection">
          {projection ? formatMoney(projection.projectedTotal, currency) : 'Not yet'}
        </span>
        <Details>
          {projection ? (
            <>
              <span className="block">
                {formatMoney(projection.spentSoFar, currency)} spent so far,{' '}
                {projection.daysLeft === 1 ? '1 day' : `${projection.daysLeft} days`} left
              </span>
              <span className="block" data-testid="projection-method">
                Method: {projection.method}
              </span>
            </>
          ) : (
            'A projection needs some usage this month.'
          )}
        </Details>
      </Card>

      <Card term="Requests">
        <span data-testid="analytics-requests">{requests.text}</span>
        <Details>
          {plural(models, 'model')}, {plural(keys, 'key')}
          {requests.partial && <span className="block">Plus usage whose provider reports no request count.</span>}
          {requests.text === 'not reported' && (
            <span className="block">The provider’s usage report carries no request count.</span>
          )}
        </Details>
      </Card>

      <Card term="Tokens">
        <span data-testid="analytics-tokens">{formatCount(totalTokens(total))}</span>
        <Details>
          {formatCount(inputTokens)} input (cached included), {formatCount(total.outputTokens)} output
          {total.reasoningTokens > 0 && `, of which ${formatCount(total.reasoningTokens)} reasoning`}
        </Details>
      </Card>
    </dl>
  )
}

function Card({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col rounded-lg border border-gray-200 bg-white p-4 shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <dt className="text-sm text-gray-600 dark:text-gray-400">{term}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-gray-900 tabular-nums dark:text-gray-50">
        {children}
      </dd>
    </div>
  )
}

/** Small print under a figure; inside the <dd> so it is read with it. */
function Details({ children }: { children: ReactNode }) {
  return (
    <span className="mt-2 block text-xs font-normal tracking-normal text-gray-600 dark:text-gray-400">{children}</span>
  )
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
