import { z } from 'zod'
import type { DateRange } from '@/features/analytics/types/date-range'
import { isDecimalAmount } from '@/lib/money'

// The answer of GET /api/multi/cost-analysis. Money is a decimal string ("12.34") and stays one
// until it is shown or, where amounts must be added, turned into integer cents (lib/money).
// Providers are read as strings: a provider the dashboard does not know yet still shows.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null)

const money = z.string().refine(isDecimalAmount, 'Expected a decimal amount like "12.34"')
const pricedPart = money.nullish().transform((value) => value ?? '0.00')
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const count = z.number().int().nonnegative()

export const GROUP_BY = ['provider', 'model', 'key', 'day'] as const
export type GroupBy = (typeof GROUP_BY)[number]

/** Token counts of each kind; `inputTokens` is uncached input only. */
const tokenCountsShape = {
  requests: count,
  inputTokens: count,
  outputTokens: count,
  cacheWrite5mTokens: count,
  cacheWrite1hTokens: count,
  cacheReadTokens: count,
  reasoningTokens: count,
}

/** The cost of some usage, as Quotah computed it and, where the provider said, as reported. */
const costShape = {
  /** What counts: the reported cost where there is one, else the computed one. */
  // null when nothing of it could be priced: then unknownPrice is set and the page writes "unknown", so the
  // zero kept here only stands for "no priced part" in sums, as the server's own totals count it
  cost: pricedPart,
  computedCost: pricedPart,
  reportedCost: nullable(money),
  /** Some of this usage is of a model the price book does not know. */
  unknownPrice: z.boolean(),
}

const costTotalSchema = z.object({ ...costShape, ...tokenCountsShape })
export type CostTotal = z.output<typeof costTotalSchema>

const costBreakdownSchema = z.object({
  provider: nullable(z.string()),
  model: nullable(z.string()),
  keyId: nullable(z.string()),
  keyLabel: nullable(z.string()),
  day: nullable(day),
  ...costShape,
  ...tokenCountsShape,
  costDiffers: z.boolean(),
})
export type CostBreakdown = z.output<typeof costBreakdownSchema>

const projectionSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  spentSoFar: money,
  projectedTotal: money,
  /** The server's words for how it projected, shown as they are. */
  method: z.string(),
  daysLeft: count,
})
export type Projection = z.output<typeof projectionSchema>

// from and to are the instants the server used: to is the exclusive end of the last day
const dayOrInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/)

export const costAnalysisSchema = z.object({
  from: dayOrInstant,
  to: dayOrInstant,
  currency: z.string().default('USD'),
  groupBy: z.array(z.string()),
  total: costTotalSchema,
  breakdown: z.array(costBreakdownSchema),
  trend: z.array(z.object({ day, cost: money })),
  projection: nullable(projectionSchema),
})
export type CostAnalysis = z.output<typeof costAnalysisSchema>

/** Everything one view of the page shows: one answer per grouping it needs. */
export type AnalyticsData = {
  /** The days these answers cover (while another range loads, the page still shows these). */
  range: DateRange
  /** Per model and key: totals, table, trend and projection. */
  byModelAndKey: CostAnalysis
  byProvider: CostAnalysis
  byModel: CostAnalysis
}
