import type { CostBreakdown, CostTotal } from '@/features/analytics/types/cost-analysis'
import { formatCount } from '@/lib/format'
import { formatMoney, toCents } from '@/lib/money'

// How a cost reads. A cost Quotah cannot price is "unknown", never $0.00; where the provider's
// reported cost and Quotah's computed one disagree, both are shown.

type CostFigures = Pick<CostTotal, 'cost' | 'computedCost' | 'reportedCost' | 'unknownPrice'>

/**
 * One group's cost in cents, or null when it is unknown: the price book lacks the model and the
 * provider reported no cost. A reported cost is a real cost even when Quotah has no price.
 */
export function knownCostCents(figures: CostFigures): number | null {
  if (figures.unknownPrice && figures.reportedCost === null) return null
  return toCents(figures.cost)
}

/** A group's cost as shown: "$12.34", or "unknown". */
export function costText(figures: CostFigures, currency: string): string {
  return knownCostCents(figures) === null ? 'unknown' : formatMoney(figures.cost, currency)
}

/**
 * A sum over several groups (the range's total, a provider): the priced part as "$12.34", with
 * `partial` set when some of it has no price; "unknown" only when none of it has.
 */
export function aggregateCostText(figures: CostFigures, currency: string): { text: string; partial: boolean } {
  if (!figures.unknownPrice) return { text: formatMoney(figures.cost, currency), partial: false }
  if (figures.reportedCost === null && toCents(figures.cost) === 0) return { text: 'unknown', partial: false }
  return { text: formatMoney(figures.cost, currency), partial: true }
}

/** Whether the provider's reported cost and Quotah's computed cost disagree to the cent. */
export function reportedDiffers(figures: CostFigures): boolean {
  return figures.reportedCost !== null && toCents(figures.reportedCost) !== toCents(figures.computedCost)
}

/** "Reported $12.34, computed $12.30". */
export function reportedVsComputedText(figures: CostFigures, currency: string): string {
  const reported = figures.reportedCost === null ? 'nothing' : formatMoney(figures.reportedCost, currency)
  return `Reported ${reported}, computed ${formatMoney(figures.computedCost, currency)}`
}

type TokenCounts = Pick<
  CostBreakdown,
  'inputTokens' | 'cacheWrite5mTokens' | 'cacheWrite1hTokens' | 'cacheReadTokens' | 'outputTokens' | 'reasoningTokens'
>

/** The token kinds in the order the table shows them. */
export const TOKEN_KINDS: readonly { field: keyof TokenCounts; label: string }[] = [
  { field: 'inputTokens', label: 'Input (uncached)' },
  { field: 'cacheWrite5mTokens', label: 'Cache write 5m' },
  { field: 'cacheWrite1hTokens', label: 'Cache write 1h' },
  { field: 'cacheReadTokens', label: 'Cache read' },
  { field: 'outputTokens', label: 'Output' },
  { field: 'reasoningTokens', label: 'Reasoning' },
]

/**
 * All tokens processed: input of every kind plus output. Reasoning tokens are left out because
 * providers already count them within output tokens.
 */
export function totalTokens(counts: TokenCounts): number {
  return (
    counts.inputTokens +
    counts.cacheWrite5mTokens +
    counts.cacheWrite1hTokens +
    counts.cacheReadTokens +
    counts.outputTokens
  )
}

type UsageFigures = Pick<
  CostTotal,
  'requests' | 'inputTokens' | 'outputTokens' | 'cacheWrite5mTokens' | 'cacheWrite1hTokens' | 'cacheReadTokens'
>

/**
 * A group's requests, or null when the provider reported none. The API answers 0 for usage whose
 * report carries no request count (Anthropic's usage report has none); no request moves no token, so
 * tokens with 0 requests mean "not reported", never zero requests.
 */
export function knownRequests(figures: UsageFigures): number | null {
  if (figures.requests > 0) return figures.requests
  const tokens =
    figures.inputTokens +
    figures.outputTokens +
    figures.cacheWrite5mTokens +
    figures.cacheWrite1hTokens +
    figures.cacheReadTokens
  return tokens > 0 ? null : 0
}

export const REQUESTS_NOT_REPORTED = 'not reported'

/** A group's requests as shown: "1,234", or "not reported". */
export function requestsText(figures: UsageFigures): string {
  const requests = knownRequests(figures)
  return requests === null ? REQUESTS_NOT_REPORTED : formatCount(requests)
}

/**
 * The requests of a range: the counted ones as "1,234" with `partial` set when some groups' requests
 * were not reported, or "not reported" when none of them were.
 */
export function totalRequestsText(total: UsageFigures, rows: readonly UsageFigures[]): { text: string; partial: boolean } {
  const unreported = rows.some((row) => knownRequests(row) === null)
  if (knownRequests(total) === null) return { text: REQUESTS_NOT_REPORTED, partial: false }
  return { text: formatCount(total.requests), partial: unreported }
}
