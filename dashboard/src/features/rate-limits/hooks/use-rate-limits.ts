import { useQuery } from '@tanstack/react-query'
import { rateLimitKeys } from '@/features/rate-limits/api/query-keys'
import { getRateLimits } from '@/features/rate-limits/api/rate-limits-api'
import type { RateLimitsResponse } from '@/features/rate-limits/types/rate-limits'

export const REFRESH_INTERVAL_MS = 60_000
/** While a key waits for its first poll, look again soon: its cards appear seconds after it is added. */
export const AWAITING_FIRST_DATA_MS = 5_000

/** Whether some key has no rate-limit data yet (Quotah has not polled it successfully). */
export function isAwaitingFirstPoll(data: RateLimitsResponse | undefined): boolean {
  return data?.keys.some((key) => key.limits.length === 0) ?? false
}

/**
 * The rate limits of every key: fetched on open, every minute while the tab is visible (every few
 * seconds while a key waits for its first poll), and again whenever the window regains focus or
 * visibility. A failed refresh keeps the last data beside its error; `dataUpdatedAt` is when the
 * browser received it.
 */
export function useRateLimits(intervalMs = REFRESH_INTERVAL_MS) {
  return useQuery({
    queryKey: rateLimitKeys.overview(),
    queryFn: getRateLimits,
    // Worked out again after every answer, so the quick looks stop once every key has its cards.
    refetchInterval: (query) =>
      isAwaitingFirstPoll(query.state.data) ? Math.min(AWAITING_FIRST_DATA_MS, intervalMs) : intervalMs,
    // A hidden tab need not poll; it refreshes as soon as it is shown again.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  })
}
