import type { CostBreakdown, CostTotal } from '@/features/analytics/types/cost-analysis'
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
