import { useQuery } from '@tanstack/react-query'
import { alertKeys } from '@/features/alerts/api/query-keys'
import { getWatchedKeys } from '@/features/alerts/api/watched-keys-api'

/** Keys change rarely while this page is open: a minute before they count as stale. */
export function useWatchedKeys() {
  return useQuery({ queryKey: alertKeys.watchedKeys(), queryFn: getWatchedKeys, staleTime: 60_000 })
}
