import { z } from 'zod'

// What the rule form needs of `GET /api/api-keys` to name a key: its id, label and provider.
// Read here rather than from the api-keys feature: features do not import each other.
export const watchedKeySchema = z.object({
  id: z.string(),
  label: z.string(),
  provider: z.string(),
})
export type WatchedKey = z.output<typeof watchedKeySchema>

export const watchedKeyListSchema = z.array(watchedKeySchema)
