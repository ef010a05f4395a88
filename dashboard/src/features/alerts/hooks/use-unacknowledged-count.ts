import { useQuery } from '@tanstack/react-query'
import { getUnacknowledgedCount } from '@/features/alerts/api/alerts-api'
import { alertKeys } from '@/features/alerts/api/query-keys'

export const COUNT_REFRESH_MS = 15_000

/**
 * The number on the bell: fetched every 15 s while the tab is visible, and again whenever the
 * window regains focus or an alert is acknowledged.
 */
export function useUnacknowledgedCount() {
  return useQuery({
    queryKey: alertKeys.unacknowledgedCount(),
    queryFn: getUnacknowledgedCount,
    refetchInterval: COUNT_REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  })
}
