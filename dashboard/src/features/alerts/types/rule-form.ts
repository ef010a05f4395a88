import { z } from 'zod'
import {
  BUDGET_PERIODS,
  CHANNEL_TYPES,
  KEY_PROBLEMS,
  RULE_KINDS,
  type AlertRule,
  type BudgetPeriod,
  type ChannelType,
  type CreateRuleRequest,
  type KeyProblem,
  type ReplaceRuleRequest,
  type RuleKind,
} from '@/features/alerts/types/alert-rule'

// The rule form: values are what the inputs hold (strings, as in any HTML form), the schema checks
// them with the limits of docs/alerts-api.md and turns them into a RuleDraft, from which the
// request bodies are made. Only the chosen kind's fields are checked and sent.

export type ChannelFormValue = { type: ChannelType; target: string }

export type RuleFormValues = {
  name: string
  kind: RuleKind
  /** '' = every key. */
  connectionId: string
  /** '' = every provider (BUDGET, SPEND_SPIKE). */
  provider: string
  /** '' = every window (RATE_LIMIT, EXHAUSTION_FORECAST). */
  windowKind: string
  model: string
  thresholdPercent: string
  criticalPercent: string
  forecastMinutes: string
  budgetAmount: string
  budgetPeriod: BudgetPeriod
  /** "50, 80, 100". */
  budgetThresholds: string
  spikeFactor: string
  spikeFloor: string
  problems: string[]
  channels: ChannelFormValue[]
  cooldownMinutes: string
}

export const MAX_CHANNELS = 10
export const DEFAULT_CRITICAL_PERCENT = 95

export function defaultRuleFormValues(defaultEmail = ''): RuleFormValues {
  return {
    name: '',
    kind: 'RATE_LIMIT',
    connectionId: '',
    provider: '',
    windowKind: '',
    model: '',
    thresholdPercent: '80',
    criticalPercent: String(DEFAULT_CRITICAL_PERCENT),
    forecastMinutes: '30',
    budgetAmount: '',
    budgetPeriod: 'MONTH',
    budgetThresholds: '80, 100',
    spikeFactor: '3',
    spikeFloor: '1.00',
    problems: [...KEY_PROBLEMS],
    channels: [{ type: 'EMAIL', target: defaultEmail }],
    cooldownMinutes: '60',
  }
}

/** A saved rule as form values: its own kind's fields, the defaults for the others. */
export function ruleToFormValues(rule: AlertRule): RuleFormValues {
  const defaults = defaultRuleFormValues()
  const text = (value: number | string | null, fallback: string) => (value === null ? fallback : String(value))
  return {
    ...defaults,
    name: rule.name,
    kind: RULE_KINDS.find((kind) => kind === rule.kind) ?? defaults.kind,
    connectionId: rule.connectionId ?? '',
    provider: rule.provider ?? '',
    windowKind: rule.windowKind ?? '',
    model: rule.model ?? '',
    thresholdPercent: text(rule.thresholdPercent, defaults.thresholdPercent),
    criticalPercent: text(rule.criticalPercent, defaults.criticalPercent),
    forecastMinutes: text(rule.forecastMinutes, defaults.forecastMinutes),
    budgetAmount: rule.budgetAmount ?? defaults.budgetAmount,
    budgetPeriod: BUDGET_PERIODS.find((period) => period === rule.budgetPeriod) ?? defaults.budgetPeriod,
    budgetThresholds: rule.budgetThresholds ? rule.budgetThresholds.join(', ') : defaults.budgetThresholds,
    spikeFactor: rule.spikeFactor ?? defaults.spikeFactor,
    spikeFloor: rule.spikeFloor ?? defaults.spikeFloor,
    problems: rule.problems ?? defaults.problems,
    channels: rule.channels.map((channel) => ({
      type: CHANNEL_TYPES.find((type) => type === channel.type) ?? 'WEBHOOK',
      target: channel.target,
    })),
    cooldownMinutes: String(rule.cooldownMinutes),
  }
}

// ---- checks ---------------------------------------------------------------------------------

const WHOLE = /^\d+$/
// As alert-service reads them: amounts with up to 6 decimals, a spike factor with up to 4.
const FACTOR = /^\d+(\.\d{1,4})?$/
const MONEY = /^\d+(\.\d{1,6})?$/
const LARGEST_AMOUNT = 100_000_000
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** A whole number within [min, max], or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim()
  if (!WHOLE.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= min && value <= max ? value : null
}

/** "500" → "500.00", "99.5" → "99.50": dollars and cents, as the API writes money. */
export function toMoney(text: string): string {
  const [whole, fraction = ''] = text.trim().split('.')
  return `${String(Number(whole))}.${fraction.padEnd(2, '0')}`
}

/** Why `target` is not a valid address for a channel of `type`, or null. */
export function channelTargetProblem(type: ChannelType, target: string): string | null {
  const value = target.trim()
  if (type === 'EMAIL') {
    if (!value) return 'Enter an email address'
    return EMAIL.test(value) ? null : 'Enter an email address, like team@example.com'
  }
  const kind = type === 'WEBHOOK' ? 'webhook' : type === 'SLACK' ? 'Slack webhook' : 'Discord webhook'
  if (!value) return `Enter the ${kind} URL`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `Enter the ${kind} URL, starting with https://`
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null
  if (url.protocol === 'http:') return 'Use an https:// URL (http:// only for localhost)'
  return `Enter the ${kind} URL, starting with https://`
}

/** "50, 80 100" → [50, 80, 100], or why it cannot be read as 1–10 distinct whole percents of 1–1000. */
export function parseBudgetThresholds(text: string): { thresholds: number[] } | { problem: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  if (parts.length === 0) return { problem: 'Give at least one threshold, like 80, 100' }
  const thresholds: number[] = []
  for (const part of parts) {
    const cleaned = part.replace(/%$/, '')
    if (!WHOLE.test(cleaned)) return { problem: 'Write whole percents separated by commas, like 50, 80, 100' }
    const value = Number(cleaned)
    if (value < 1 || value > 1000) return { problem: 'Each threshold must be from 1 to 1000 %' }
    if (thresholds.includes(value)) return { problem: `${value} % is listed twice` }
    thresholds.push(value)
  }
  if (thresholds.length > 10) return { problem: 'Give at most 10 thresholds' }
  return { thresholds: thresholds.sort((a, b) => a - b) }
}

// ---- the schema -----------------------------------------------------------------------------

/** What the form says, checked: the kind's own fields are set, every other one is null. */
export type RuleDraft = {
  name: string
  kind: RuleKind
  connectionId: string | null
  provider: string | null
  windowKind: string | null
  model: string | null
  thresholdPercent: number | null
  criticalPercent: number | null
  forecastMinutes: number | null
  budgetAmount: string | null
  budgetPeriod: BudgetPeriod | null
  budgetThresholds: number[] | null
  spikeFactor: string | null
  spikeFloor: string | null
  problems: KeyProblem[] | null
  channels: ChannelFormValue[]
  cooldownMinutes: number
}

const channelSchema = z
  .object({ type: z.enum(CHANNEL_TYPES, { error: 'Choose how to send it' }), target: z.string() })
  .superRefine((channel, ctx) => {
    const problem = channelTargetProblem(channel.type, channel.target)
    if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: problem })
  })

export const ruleFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the rule a name').max(100, 'A name has at most 100 characters'),
    kind: z.enum(RULE_KINDS, { error: 'Choose what the rule watches' }),
    connectionId: z.string(),
    provider: z.string(),
    windowKind: z.string(),
    model: z.string().trim().max(200, 'A model name has at most 200 characters'),
    thresholdPercent: z.string(),
    criticalPercent: z.string(),
    forecastMinutes: z.string(),
    budgetAmount: z.string(),
    budgetPeriod: z.enum(BUDGET_PERIODS),
    budgetThresholds: z.string(),
    spikeFactor: z.string(),
    spikeFloor: z.string(),
    problems: z.array(z.string()),
    channels: z
      .array(channelSchema)
      .min(1, 'Add at least one channel')
      .max(MAX_CHANNELS, `A rule has at most ${MAX_CHANNELS} channels`),
    cooldownMinutes: z.string(),
  })
  .superRefine((values, ctx) => {
    const problem = (path: keyof RuleFormValues, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })

    if (wholeIn(values.cooldownMinutes, 1, 10_080) === null) {
      problem('cooldownMinutes', 'Choose a cooldown from 1 to 10080 minutes (7 days)')
    }
    switch (values.kind) {
      case 'RATE_LIMIT': {
        const threshold = wholeIn(values.thresholdPercent, 1, 100)
        if (threshold === null) problem('thresholdPercent', 'Choose a threshold from 1 to 100 %')
        const critical = wholeIn(values.criticalPercent, 1, 100)
        if (critical === null) problem('criticalPercent', 'Choose a critical level from 1 to 100 %')
        else if (threshold !== null && critical < threshold) {
          problem('criticalPercent', `The critical level must be at least the threshold (${threshold} %)`)
        }
        break
      }
      case 'EXHAUSTION_FORECAST':
        if (wholeIn(values.forecastMinutes, 1, 1440) === null) {
          problem('forecastMinutes', 'Choose from 1 to 1440 minutes (24 hours)')
        }
        break
      case 'BUDGET': {
        const amount = values.budgetAmount.trim()
        if (!amount) problem('budgetAmount', 'Enter the budget in US dollars')
        else if (!MONEY.test(amount)) problem('budgetAmount', 'Enter an amount in dollars and cents, like 500 or 99.50')
        else if (Number(amount) <= 0) problem('budgetAmount', 'The budget must be more than $0')
        else if (Number(amount) > LARGEST_AMOUNT) problem('budgetAmount', 'The budget can be at most $100,000,000')
        const thresholds = parseBudgetThresholds(values.budgetThresholds)
        if ('problem' in thresholds) problem('budgetThresholds', thresholds.problem)
        break
      }
      case 'SPEND_SPIKE': {
        const factor = values.spikeFactor.trim()
        if (!FACTOR.test(factor) || Number(factor) <= 1 || Number(factor) > 1000) {
          problem('spikeFactor', 'Enter a factor above 1 and at most 1000, like 3 or 2.5')
        }
        const floor = values.spikeFloor.trim()
        if (!MONEY.test(floor) || Number(floor) > LARGEST_AMOUNT) problem('spikeFloor', 'Enter an amount in dollars, like 1.00')
        break
      }
      case 'KEY_PROBLEM':
        if (!values.problems.some((value) => (KEY_PROBLEMS as readonly string[]).includes(value))) {
          problem('problems', 'Choose at least one problem')
        }
        break
    }
  })
  .transform((values): RuleDraft => {
    const kind = values.kind
    const orNull = (value: string) => value.trim() || null
    const watchesWindows = kind === 'RATE_LIMIT' || kind === 'EXHAUSTION_FORECAST'
    const watchesSpend = kind === 'BUDGET' || kind === 'SPEND_SPIKE'
    const thresholds = parseBudgetThresholds(values.budgetThresholds)
    return {
      name: values.name,
      kind,
      connectionId: orNull(values.connectionId),
      provider: watchesSpend ? orNull(values.provider) : null,
      windowKind: watchesWindows ? orNull(values.windowKind) : null,
      model: watchesWindows ? orNull(values.model) : null,
      thresholdPercent: kind === 'RATE_LIMIT' ? Number(values.thresholdPercent) : null,
      criticalPercent: kind === 'RATE_LIMIT' ? Number(values.criticalPercent) : null,
      forecastMinutes: kind === 'EXHAUSTION_FORECAST' ? Number(values.forecastMinutes) : null,
      budgetAmount: kind === 'BUDGET' ? toMoney(values.budgetAmount) : null,
      budgetPeriod: kind === 'BUDGET' ? values.budgetPeriod : null,
      budgetThresholds: kind === 'BUDGET' && 'thresholds' in thresholds ? thresholds.thresholds : null,
      spikeFactor: kind === 'SPEND_SPIKE' ? values.spikeFactor.trim() : null,
      spikeFloor: kind === 'SPEND_SPIKE' ? toMoney(values.spikeFloor) : null,
      problems: kind === 'KEY_PROBLEM' ? KEY_PROBLEMS.filter((problem) => values.problems.includes(problem)) : null,
      channels: values.channels.map((channel) => ({ type: channel.type, target: channel.target.trim() })),
      cooldownMinutes: Number(values.cooldownMinutes),
    }
  })

// ---- request bodies -------------------------------------------------------------------------

/** The POST body: the draft without its empty fields, so the server fills its defaults. */
export function toCreateRequest(draft: RuleDraft): CreateRuleRequest {
  const body: Record<string, unknown> = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== null))
  return body as CreateRuleRequest
}

/**
 * The PUT body of an edit: the whole rule again, as for POST, so an emptied key, window, model or provider
 * goes back to "every". `enabled` is sent as it is, since a PUT without it would turn the rule on.
 */
export function toReplaceRequest(draft: RuleDraft, enabled: boolean): ReplaceRuleRequest {
  return { ...toCreateRequest(draft), enabled }
}

// ---- server errors --------------------------------------------------------------------------

const FORM_FIELDS = Object.keys(defaultRuleFormValues()) as (keyof RuleFormValues)[]

/**
 * The form field an error of the API names: "channels[1].target" (or "channels.1.target") is
 * that row's target; "budgetThresholds[2]" is the thresholds field. Null when the form has no
 * such field, so the message goes to the banner instead.
 */
export function formFieldOf(apiField: string): string | null {
  const path = apiField.replace(/\[(\d+)\]/g, '.$1')
  const channel = /^channels\.(\d+)\.(type|target)$/.exec(path)
  if (channel) return path
  const top = path.split('.')[0] as keyof RuleFormValues
  return FORM_FIELDS.includes(top) ? top : null
}

const FIELD_SUBJECTS: Partial<Record<keyof RuleFormValues, string>> = {
  name: 'The name',
  kind: 'The kind',
  connectionId: 'The key',
  provider: 'The provider',
  windowKind: 'The window',
  model: 'The model',
  thresholdPercent: 'The threshold',
  criticalPercent: 'The critical level',
  forecastMinutes: 'The forecast',
  budgetAmount: 'The budget',
  budgetPeriod: 'The period',
  budgetThresholds: 'The thresholds',
  spikeFactor: 'The spike factor',
  spikeFloor: 'The amount',
  problems: 'The list of problems',
  channels: 'The list of channels',
  cooldownMinutes: 'The cooldown',
}

/**
 * The API words its field errors as the end of a sentence about the field ("is not an email address");
 * under the field they read better with the field named: "The address is not an email address".
 */
export function fieldMessage(formField: string, message: string): string {
  if (!/^[a-z]/.test(message)) return message
  const channelPart = /^channels\.\d+\.(type|target)$/.exec(formField)?.[1]
  const subject = channelPart
    ? channelPart === 'type'
      ? 'The type'
      : 'The address'
    : (FIELD_SUBJECTS[formField as keyof RuleFormValues] ?? 'This')
  return `${subject} ${message}`
}
