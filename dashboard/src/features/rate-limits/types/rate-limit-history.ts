import { z } from 'zod'

// The answer of GET /api/multi/rate-limits/{keyId}/history: every window of every snapshot in the range
// (raw within the server's raw retention, else 5-minute buckets at their lowest remaining). An unknown
// number is null, never 0.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null)

const historyPointSchema = z.object({
  capturedAt: z.string(),
  model: nullable(z.string()),
  kind: z.string(),
  limit: nullable(z.number()),
  remaining: nullable(z.number()),
  usedPercent: nullable(z.number()),
})
export type HistoryPoint = z.output<typeof historyPointSchema>

export const rateLimitHistorySchema = z.object({
  keyId: z.string(),
  from: z.string(),
  to: z.string(),
  /** "raw" or "5m"; read as a string, so a new resolution does not break the page. */
  resolution: z.string(),
  points: z.array(historyPointSchema),
})
export type RateLimitHistory = z.output<typeof rateLimitHistorySchema>

/** The spans the Dashboard offers, each ending now. */
export const HISTORY_SPANS = {
  '1h': { label: '1 h', words: 'the last hour', ms: 60 * 60 * 1000 },
  '24h': { label: '24 h', words: 'the last 24 hours', ms: 24 * 60 * 60 * 1000 },
  '7d': { label: '7 d', words: 'the last 7 days', ms: 7 * 24 * 60 * 60 * 1000 },
} as const
export type HistorySpan = keyof typeof HISTORY_SPANS
