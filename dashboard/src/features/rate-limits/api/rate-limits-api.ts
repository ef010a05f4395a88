import { rateLimitsResponseSchema, type RateLimitsResponse } from '@/features/rate-limits/types/rate-limits'
import { apiRequest } from '@/lib/api-client'

export async function getRateLimits(): Promise<RateLimitsResponse> {
  return rateLimitsResponseSchema.parse(await apiRequest('/api/multi/rate-limits'))
}
