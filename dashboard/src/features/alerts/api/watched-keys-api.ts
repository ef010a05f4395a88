import { watchedKeyListSchema, type WatchedKey } from '@/features/alerts/types/watched-key'
import { apiRequest } from '@/lib/api-client'

/** The workspace's keys, for the rule form's key picker and for naming a rule's key. */
export async function getWatchedKeys(): Promise<WatchedKey[]> {
  return watchedKeyListSchema.parse(await apiRequest('/api/api-keys'))
}
