import { z } from 'zod'
import type { CreateApiKeyRequest, UpdateApiKeyRequest } from '@/features/api-keys/types/api-key'

// Form values are what the inputs hold (strings, and a boolean for the probing switch); the schemas turn them
// into request bodies.

/** How each provider's keys begin; checked here so a pasted key in the wrong box never leaves the browser. */
export const KEY_PREFIXES = {
  ANTHROPIC: { key: ['sk-ant-api03-'], adminKey: 'sk-ant-admin01-' },
  OPENAI: { key: ['sk-proj-', 'sk-'], adminKey: 'sk-admin-' },
} as const

/** Why `key` is not an API key of `provider`, or null when its format is right. */
export function apiKeyFormatProblem(provider: keyof typeof KEY_PREFIXES, key: string): string | null {
  const prefixes = KEY_PREFIXES[provider]
  const expected = provider === 'ANTHROPIC' ? 'sk-ant-api03-' : 'sk- or sk-proj-'
  if (key.startsWith(prefixes.adminKey)) {
    return `This is an Admin key. Paste it in the Admin key field; API keys start with ${expected}`
  }
  if (provider === 'OPENAI' && key.startsWith('sk-ant-')) {
    return 'This is an Anthropic key. Choose Anthropic as the provider, or paste an OpenAI key (sk- or sk-proj-)'
  }
  if (provider === 'ANTHROPIC' && !key.startsWith('sk-ant-') && key.startsWith('sk-')) {
    return 'This looks like an OpenAI key. Choose OpenAI as the provider, or paste an Anthropic key (sk-ant-api03-)'
  }
  const prefix = prefixes.key.find((candidate) => key.startsWith(candidate))
  if (!prefix) return `${providerLabel(provider)} API keys start with ${expected}`
  if (key.length === prefix.length) return 'Paste the whole key, not just its beginning'
  if (/\s/.test(key)) return 'An API key has no spaces; paste it again'
  return null
}

/** Why `adminKey` is not an Admin key of `provider`, or null when its format is right. */
export function adminKeyFormatProblem(provider: keyof typeof KEY_PREFIXES, adminKey: string): string | null {
  const prefix = KEY_PREFIXES[provider].adminKey
  if (!adminKey.startsWith(prefix)) return `${providerLabel(provider)} Admin keys start with ${prefix}`
  if (adminKey.length === prefix.length) return 'Paste the whole key, not just its beginning'
  if (/\s/.test(adminKey)) return 'An Admin key has no spaces; paste it again'
  return null
}

function providerLabel(provider: keyof typeof KEY_PREFIXES): string {
  return provider === 'ANTHROPIC' ? 'Anthropic' : 'OpenAI'
}

const labelField = z
  .string()
  .trim()
  .min(1, 'Enter a label, like Production or CI')
  .max(100, 'Label must be at most 100 characters')

const probingField = z.boolean()

const pollIntervalField = z
  .string()
  .regex(/^\d+$/, 'Choose a poll interval')
  .transform(Number)
  .refine((seconds) => seconds >= 30, 'Choose a poll interval of 30 s or more')

function providerBranch(provider: keyof typeof KEY_PREFIXES) {
  return z.object({
    provider: z.literal(provider),
    label: labelField,
    key: z
      .string()
      .trim()
      .min(1, 'Paste the API key')
      .check((ctx) => {
        const problem = apiKeyFormatProblem(provider, ctx.value)
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
      }),
    adminKey: z
      .string()
      .trim()
      .check((ctx) => {
        const problem = ctx.value === '' ? null : adminKeyFormatProblem(provider, ctx.value)
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
      })
      .transform((value) => value || undefined),
    probing: probingField,
    pollIntervalSeconds: pollIntervalField,
  })
}

export type AddKeyFormValues = {
  provider: string
  label: string
  key: string
  adminKey: string
  probing: boolean
  pollIntervalSeconds: string
}

export const addKeyFormSchema: z.ZodType<CreateApiKeyRequest, AddKeyFormValues> = z
  .discriminatedUnion('provider', [providerBranch('ANTHROPIC'), providerBranch('OPENAI')], {
    error: 'Choose a provider',
  })
  .transform((input): CreateApiKeyRequest => input)

export type EditKeyFormValues = {
  label: string
  probing: boolean
  pollIntervalSeconds: string
}

export const editKeyFormSchema: z.ZodType<UpdateApiKeyRequest, EditKeyFormValues> = z
  .object({ label: labelField, probing: probingField, pollIntervalSeconds: pollIntervalField })
  .transform((input): UpdateApiKeyRequest => input)
