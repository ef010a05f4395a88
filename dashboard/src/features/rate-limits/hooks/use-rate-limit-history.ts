import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { rateLimitKeys } from '@/features/rate-limits/api/query-keys'
import { getRateLimitHistory } from '@/features/rate-limits/api/rate-limits-api'
import type { HistorySpan } from '@/features/rate-limits/types/rate-limit-history'

/** As often as the board itself: a new reading arrives at most about once a poll. */
const HISTORY_REFRESH_MS = 60_000

/**
 * A key's rate-limit history over a span ending when it is asked. Each span is its own query; while
 * another span loads, the last one stays shown (`isPlaceholderData`).
 */
export function useRateLimitHistory(keyId: string, span: HistorySpan) {
  return useQuery({
    queryKey: rateLimitKeys.history(keyId, span),
    queryFn: () => getRateLimitHistory(keyId, span, Date.now()),
    staleTime: HISTORY_REFRESH_MS,
    refetchInterval: HISTORY_REFRESH_MS,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
  })
}
