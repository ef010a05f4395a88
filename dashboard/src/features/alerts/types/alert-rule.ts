import { z } from 'zod'

// Rules as alert-service answers them (docs/alerts-api.md, "Rules"). Answers are parsed, not cast;
// enumerations the server may grow (kinds, channel types) are read as strings and shown with a
// fallback name, so a new value appears instead of breaking the page.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null)

/** Money and other decimals travel as strings ("500.00"); a plain JSON number is taken as its digits. */
const decimal = z.union([z.string(), z.number().transform(String)])

/** A whole percent or count; a numeric string is accepted too. */
const wholeNumber = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)])

export const RULE_KINDS = ['RATE_LIMIT', 'EXHAUSTION_FORECAST', 'BUDGET', 'SPEND_SPIKE', 'KEY_PROBLEM'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export const CHANNEL_TYPES = ['EMAIL', 'SLACK', 'DISCORD', 'WEBHOOK'] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export const KEY_PROBLEMS = ['INVALID', 'OUT_OF_QUOTA', 'STALE'] as const
export type KeyProblem = (typeof KEY_PROBLEMS)[number]

export const BUDGET_PERIODS = ['MONTH', 'DAY'] as const
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number]

export function isRuleKind(kind: string): kind is RuleKind {
  return (RULE_KINDS as readonly string[]).includes(kind)
}

export const ruleChannelSchema = z.object({
  type: z.string(),
  target: z.string(),
  /** WEBHOOK only: `whsec_…abcd`. */
  secretHint: nullable(z.string()),
  /** WEBHOOK only, and only in the answer of the request that created the channel: shown once. */
  signingSecret: nullable(z.string()),
})
export type RuleChannel = z.output<typeof ruleChannelSchema>

export const alertRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  enabled: z.boolean(),
  connectionId: nullable(z.string()),
  provider: nullable(z.string()),
  windowKind: nullable(z.string()),
  model: nullable(z.string()),
  thresholdPercent: nullable(wholeNumber),
  criticalPercent: nullable(wholeNumber),
  forecastMinutes: nullable(wholeNumber),
  budgetAmount: nullable(decimal),
  budgetPeriod: nullable(z.string()),
  budgetThresholds: nullable(z.array(wholeNumber)),
  spikeFactor: nullable(decimal),
  spikeFloor: nullable(decimal),
  problems: nullable(z.array(z.string())),
  channels: z.array(ruleChannelSchema),
  cooldownMinutes: wholeNumber,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type AlertRule = z.output<typeof alertRuleSchema>

export const alertRuleListSchema = z.array(alertRuleSchema)

/** The answer of `POST /api/alerts/configs/{id}/test` (202). */
export const testSendSchema = z.object({ alertId: z.string() })
export type TestSend = z.output<typeof testSendSchema>

export type ChannelRequest = { type: ChannelType; target: string }

/**
 * The body of `POST /api/alerts/configs`: the common fields and those of the rule's kind. An
 * optional field left out takes the server's default (every key, every window, every model).
 */
export type CreateRuleRequest = {
  name: string
  kind: RuleKind
  enabled?: boolean
  connectionId?: string
  provider?: string
  windowKind?: string
  model?: string
  thresholdPercent?: number
  criticalPercent?: number
  forecastMinutes?: number
  budgetAmount?: string
  budgetPeriod?: BudgetPeriod
  budgetThresholds?: number[]
  spikeFactor?: string
  spikeFloor?: string
  problems?: KeyProblem[]
  channels: ChannelRequest[]
  cooldownMinutes: number
}

/**
 * The body of `PUT /api/alerts/configs/{id}`: the whole rule again, as for POST (a field left out takes its
 * default, so leaving out `connectionId` means every key, and leaving out `enabled` turns the rule on).
 * `kind` cannot change.
 */
export type ReplaceRuleRequest = CreateRuleRequest & { enabled: boolean }

/**
 * The body of `PATCH /api/alerts/configs/{id}`: only the fields it names change. The scope fields (key,
 * provider, window, model) change only with PUT.
 */
export type UpdateRuleRequest = Partial<Omit<CreateRuleRequest, 'kind' | 'connectionId' | 'provider' | 'windowKind' | 'model'>>
