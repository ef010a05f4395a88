import { z } from 'zod'

// The answer of GET /api/multi/rate-limits. Enumerations the server may grow (window kinds,
// sources, providers) are read as strings and displayed with a fallback; a window status the
// dashboard does not know counts as "unknown" rather than breaking the page.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null)

export const WINDOW_STATUSES = ['healthy', 'warning', 'critical', 'unknown'] as const
export type WindowStatus = (typeof WINDOW_STATUSES)[number]

const rateLimitWindowSchema = z.object({
  kind: z.string(),
  limit: nullable(z.number()),
  remaining: nullable(z.number()),
  usedPercent: nullable(z.number()),
  resetAt: nullable(z.string()),
  status: z
    .string()
    .transform((status) => status.toLowerCase())
    .pipe(z.enum(WINDOW_STATUSES).catch('unknown')),
  exhaustsAt: nullable(z.string()),
  secondsToExhaustion: nullable(z.number()),
})
export type RateLimitWindow = z.output<typeof rateLimitWindowSchema>

const keyLimitSchema = z.object({
  model: nullable(z.string()),
  source: z.string(),
  capturedAt: z.string(),
  ageSeconds: z.number(),
  stale: z.boolean(),
  retryAfterSeconds: nullable(z.number()),
  windows: z.array(rateLimitWindowSchema),
})
export type KeyLimit = z.output<typeof keyLimitSchema>

const keyRateLimitsSchema = z.object({
  keyId: z.string(),
  provider: z.string(),
  label: nullable(z.string()),
  maskedKey: nullable(z.string()),
  limits: z.array(keyLimitSchema),
})
export type KeyRateLimits = z.output<typeof keyRateLimitsSchema>

export const rateLimitsResponseSchema = z.object({
  generatedAt: z.string(),
  keys: z.array(keyRateLimitsSchema),
})
export type RateLimitsResponse = z.output<typeof rateLimitsResponseSchema>
