import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import type { DateRange } from '@/features/analytics/types/date-range'
import { aggregateCostText, costText, knownCostCents } from '@/features/analytics/utils/cost-text'
import { eachDay, formatDay } from '@/features/analytics/utils/days'
import { formatPercent } from '@/lib/format'
import { formatCents, formatMoney, toCents } from '@/lib/money'
import { providerName } from '@/lib/providers'

// Pure shaping of cost answers into what the charts draw. Cents are integers (exact); only the
// charts (Recharts) divide them, to draw.

/** One share of a chart: its cost in cents (null when unknown) and that cost as shown. */
export type CostShare = {
  id: string
  label: string
  cents: number | null
  text: string
  /** Some of it has no known price, so `cents` counts only the priced part. */
  partial: boolean
}

function byCostDescending(a: CostShare, b: CostShare): number {
  if (a.cents === null || b.cents === null) return a.cents === null ? (b.cents === null ? 0 : 1) : -1
  return b.cents - a.cents || a.label.localeCompare(b.label)
}

/** A slice per provider, largest first; providers whose cost is unknown come last. */
export function providerShares(analysis: CostAnalysis): CostShare[] {
  return analysis.breakdown
    .map((row) => {
      const { text, partial } = aggregateCostText(row, analysis.currency)
      return {
        id: row.provider ?? 'unknown',
        label: row.provider ? providerName(row.provider) : 'Unknown provider',
        cents: text === 'unknown' ? null : toCents(row.cost),
        text,
        partial,
      }
    })
    .sort(byCostDescending)
}

/** Models past this many are drawn as one "Other" bar, so the chart stays readable on a phone. */
export const MAX_MODEL_BARS = 8

/** A bar per model, costliest first; beyond `limit` the rest are added up into "Other". */
export function modelShares(analysis: CostAnalysis, limit = MAX_MODEL_BARS): CostShare[] {
  const shares = analysis.breakdown
    .map((row) => ({
      id: row.model ?? 'unknown',
      label: row.model ?? 'Unknown model',
      cents: knownCostCents(row),
      text: costText(row, analysis.currency),
      partial: false,
    }))
    .sort(byCostDescending)
  if (shares.length <= limit) return shares

  const shown = shares.slice(0, limit - 1)
  const rest = shares.slice(limit - 1)
  const known = rest.filter((share) => share.cents !== null)
  const cents = known.length === 0 ? null : known.reduce((sum, share) => sum + (share.cents ?? 0), 0)
  return [
    ...shown,
    {
      id: 'other',
      label: `Other (${rest.length} models)`,
      cents,
      text: cents === null ? 'unknown' : formatCents(cents, analysis.currency),
      partial: cents !== null && known.length < rest.length,
    },
  ]
}

/** The sum of the known shares, in cents. */
export function knownTotalCents(shares: readonly CostShare[]): number {
  return shares.reduce((sum, share) => sum + (share.cents ?? 0), 0)
}

/** The slices a pie draws: shares with a known cost above zero (an unknown or free share has no slice). */
export function pieSlices(shares: readonly CostShare[]): CostShare[] {
  return shares.filter((share) => share.cents !== null && share.cents > 0)
}

export type DailyCost = { day: string; cents: number; text: string }

/** The cost of every day of `range`; a day the trend leaves out had no cost. */
export function dailyCosts(analysis: CostAnalysis, range: DateRange): DailyCost[] {
  const byDay = new Map(analysis.trend.map((point) => [point.day, point.cost]))
  return eachDay(range.from, range.to).map((day) => {
    const cost = byDay.get(day) ?? '0'
    return { day, cents: toCents(cost), text: formatMoney(cost, analysis.currency) }
  })
}

/** A share of the whole as "37%", or "" when there is no whole to share. */
export function shareText(cents: number | null, totalCents: number): string {
  if (cents === null || totalCents <= 0) return ''
  return formatPercent((cents / totalCents) * 100)
}

/** "Anthropic $8.00 (65%), OpenAI $4.34 (35%)": what a screen reader hears for a chart. */
export function sharesSummary(shares: readonly CostShare[], max = 5): string {
  const total = knownTotalCents(shares)
  const parts = shares.slice(0, max).map((share) => {
    const percent = shareText(share.cents, total)
    return `${share.label} ${share.text}${percent ? ` (${percent})` : ''}`
  })
  if (shares.length > max) parts.push(`and ${shares.length - max} more`)
  return parts.join(', ')
}

/** "Total $12.34; highest Mar 3, 2026 at $4.20; latest day $1.00". */
export function dailySummary(days: readonly DailyCost[], currency: string): string {
  if (days.length === 0) return 'No days in this range'
  const total = days.reduce((sum, day) => sum + day.cents, 0)
  const highest = days.reduce((top, day) => (day.cents > top.cents ? day : top), days[0])
  const latest = days[days.length - 1]
  if (highest.cents === 0) return `No cost on any of the ${days.length} days`
  return (
    `Total ${formatCents(total, currency)} over ${days.length} days; ` +
    `highest ${formatDay(highest.day)} at ${highest.text}; last day ${latest.text}`
  )
}
