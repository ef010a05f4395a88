import type { AlertRule, ChannelType, KeyProblem, RuleChannel, RuleKind } from '@/features/alerts/types/alert-rule'
import type { WatchedKey } from '@/features/alerts/types/watched-key'
import { formatRoughDuration } from '@/lib/format'
import { formatMoney, isDecimalAmount } from '@/lib/money'
import { providerName } from '@/lib/providers'

// Pure wording of rules for the list and the form.

export const KIND_NAMES: Record<RuleKind, string> = {
  RATE_LIMIT: 'Rate limit',
  EXHAUSTION_FORECAST: 'Exhaustion forecast',
  BUDGET: 'Budget',
  SPEND_SPIKE: 'Spend spike',
  KEY_PROBLEM: 'Key problem',
}

export const KIND_DESCRIPTIONS: Record<RuleKind, string> = {
  RATE_LIMIT: 'A window is used past a share of its limit.',
  EXHAUSTION_FORECAST: 'A window will run out soon at its recent pace.',
  BUDGET: 'Spend in a month or a day passes shares of a budget.',
  SPEND_SPIKE: 'The last hour cost far more than usual.',
  KEY_PROBLEM: 'A key is refused, out of quota or no longer answering.',
}

export const CHANNEL_NAMES: Record<ChannelType, string> = {
  EMAIL: 'Email',
  SLACK: 'Slack',
  DISCORD: 'Discord',
  WEBHOOK: 'Webhook',
}

export const PROBLEM_NAMES: Record<KeyProblem, string> = {
  INVALID: 'Invalid key',
  OUT_OF_QUOTA: 'Out of quota',
  STALE: 'Stale (no answer for three intervals)',
}

const PROBLEM_SHORT: Record<string, string> = { INVALID: 'invalid', OUT_OF_QUOTA: 'out of quota', STALE: 'stale' }

/** Window kinds a rule can narrow to; the API may name more, which are shown as they come. */
export const WINDOW_KINDS: { value: string; label: string }[] = [
  { value: 'REQUESTS', label: 'Requests per minute' },
  { value: 'TOKENS', label: 'Tokens per minute' },
  { value: 'INPUT_TOKENS', label: 'Input tokens per minute' },
  { value: 'OUTPUT_TOKENS', label: 'Output tokens per minute' },
  { value: 'REQUESTS_PER_DAY', label: 'Requests per day' },
]

function fallbackName(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** "Rate limit" for RATE_LIMIT; a kind the dashboard does not know yet in plain words. */
export function kindName(kind: string): string {
  return KIND_NAMES[kind as RuleKind] ?? fallbackName(kind)
}

export function channelName(type: string): string {
  return CHANNEL_NAMES[type as ChannelType] ?? fallbackName(type)
}

/** The key a rule or alert is about: its label, "Any key" when none, or a note when it is no longer watched. */
export function keyText(connectionId: string | null, keys: WatchedKey[] | undefined): string {
  if (!connectionId) return 'Any key'
  const key = keys?.find((candidate) => candidate.id === connectionId)
  if (key) return key.label
  return keys ? 'A key no longer watched' : 'One key'
}

function money(amount: string): string {
  return isDecimalAmount(amount) ? formatMoney(amount) : `$${amount}`
}

/**
 * What the rule watches, in one line of parts joined by " · ":
 * "Any key · TOKENS · ≥ 80 % · critical ≥ 95 %".
 */
export function conditionText(rule: AlertRule, keys: WatchedKey[] | undefined): string {
  const parts = [keyText(rule.connectionId, keys)]
  switch (rule.kind) {
    case 'RATE_LIMIT':
      parts.push(rule.windowKind ?? 'every window')
      if (rule.model) parts.push(rule.model)
      if (rule.thresholdPercent !== null) parts.push(`≥ ${rule.thresholdPercent} %`)
      if (rule.criticalPercent !== null) parts.push(`critical ≥ ${rule.criticalPercent} %`)
      break
    case 'EXHAUSTION_FORECAST':
      parts.push(rule.windowKind ?? 'every window')
      if (rule.model) parts.push(rule.model)
      if (rule.forecastMinutes !== null) parts.push(`runs out within ${formatRoughDuration(rule.forecastMinutes * 60)}`)
      break
    case 'BUDGET':
      if (rule.provider) parts.push(providerName(rule.provider))
      if (rule.budgetAmount) parts.push(`${money(rule.budgetAmount)} a ${rule.budgetPeriod === 'DAY' ? 'day' : 'month'}`)
      if (rule.budgetThresholds?.length) parts.push(`at ${rule.budgetThresholds.join(', ')} %`)
      break
    case 'SPEND_SPIKE':
      if (rule.provider) parts.push(providerName(rule.provider))
      if (rule.spikeFactor) parts.push(`last hour ≥ ${rule.spikeFactor}× the 7-day hourly average`)
      if (rule.spikeFloor) parts.push(`and ≥ ${money(rule.spikeFloor)}`)
      break
    case 'KEY_PROBLEM':
      if (rule.problems?.length) parts.push(rule.problems.map((problem) => PROBLEM_SHORT[problem] ?? problem).join(', '))
      break
  }
  return parts.join(' · ')
}

/** "Email ada@example.com", "Webhook https://hooks.example.com/x (whsec_…abcd)". */
export function channelText(channel: RuleChannel): string {
  const hint = channel.secretHint ? ` (${channel.secretHint})` : ''
  return `${channelName(channel.type)} ${channel.target}${hint}`
}

/** "1 h", "30 min", "1 day". */
export function cooldownText(minutes: number): string {
  return formatRoughDuration(minutes * 60)
}
