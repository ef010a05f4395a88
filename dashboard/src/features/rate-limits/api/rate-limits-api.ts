import {
  HISTORY_SPANS,
  rateLimitHistorySchema,
  type HistorySpan,
  type RateLimitHistory,
} from '@/features/rate-limits/types/rate-limit-history'
import { rateLimitsResponseSchema, type RateLimitsResponse } from '@/features/rate-limits/types/rate-limits'
import { apiRequest } from '@/lib/api-client'

export async function getRateLimits(): Promise<RateLimitsResponse> {
  return rateLimitsResponseSchema.parse(await apiRequest('/api/multi/rate-limits'))
}

/** A key's history over `span` ending at `now` (epoch ms); instants are ISO-8601, as the API reads them. */
export async function getRateLimitHistory(keyId: string, span: HistorySpan, now: number): Promise<RateLimitHistory> {
  const from = new Date(now - HISTORY_SPANS[span].ms).toISOString()
  const to = new Date(now).toISOString()
  return rateLimitHistorySchema.parse(
    await apiRequest(`/api/multi/rate-limits/${encodeURIComponent(keyId)}/history?from=${from}&to=${to}`),
  )
}
