import { z } from 'zod'

// Answers are parsed, not cast. Enumerations the server may grow (providers, statuses) are read
// as strings and displayed with a fallback, so a new value shows up instead of breaking the page.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null)

export const KEY_STATUSES = ['PENDING', 'HEALTHY', 'INVALID', 'RATE_LIMITED', 'PROVIDER_ERROR', 'STALE'] as const
export type KnownKeyStatus = (typeof KEY_STATUSES)[number]

export const apiKeySchema = z.object({
  id: z.string(),
  provider: z.string(),
  label: z.string(),
  maskedKey: z.string(),
  maskedAdminKey: nullable(z.string()),
  probing: z.boolean(),
  pollIntervalSeconds: z.number(),
  status: z.string(),
  statusReason: nullable(z.string()),
  lastPolledAt: nullable(z.string()),
  lastSuccessAt: nullable(z.string()),
  lastError: nullable(z.string()),
  createdAt: z.string(),
})
export type ApiKey = z.output<typeof apiKeySchema>

export const apiKeyListSchema = z.array(apiKeySchema)

export type CreateApiKeyRequest = {
  provider: string
  label: string
  key: string
  adminKey?: string
  probing: boolean
  pollIntervalSeconds: number
}

export type UpdateApiKeyRequest = {
  label?: string
  probing?: boolean
  pollIntervalSeconds?: number
}
