import type { KeyLimit, KeyRateLimits, RateLimitWindow, WindowStatus } from '@/features/rate-limits/types/rate-limits'
import { formatDuration, formatRoughDuration } from '@/lib/format'

// Pure wording of a rate-limit window for its card. `now` and `receivedAt` are epoch ms:
// `receivedAt` is when the browser got the answer, so server-relative seconds can be aged.

type KindText = { title: string; unit: string }

const KIND_TEXT: Record<string, KindText> = {
  REQUESTS: { title: 'Requests', unit: 'requests per minute' },
  TOKENS: { title: 'Tokens', unit: 'tokens per minute' },
  INPUT_TOKENS: { title: 'Input tokens', unit: 'input tokens per minute' },
  OUTPUT_TOKENS: { title: 'Output tokens', unit: 'output tokens per minute' },
  PRIORITY_INPUT_TOKENS: { title: 'Priority input tokens', unit: 'priority input tokens per minute' },
  PRIORITY_OUTPUT_TOKENS: { title: 'Priority output tokens', unit: 'priority output tokens per minute' },
  FAST_INPUT_TOKENS: { title: 'Fast input tokens', unit: 'fast input tokens per minute' },
  FAST_OUTPUT_TOKENS: { title: 'Fast output tokens', unit: 'fast output tokens per minute' },
  PROJECT_TOKENS: { title: 'Project tokens', unit: 'project tokens per minute' },
  REQUESTS_PER_DAY: { title: 'Daily requests', unit: 'requests per day' },
  BATCH_INPUT_TOKENS_PER_DAY: { title: 'Batch input tokens', unit: 'batch input tokens per day' },
}

/** A short card title and the unit the numbers count, e.g. "Input tokens" / "input tokens per minute". */
export function kindText(kind: string): KindText {
  const known = KIND_TEXT[kind]
  if (known) return known
  const words = kind.toLowerCase().replaceAll('_', ' ')
  return { title: words.charAt(0).toUpperCase() + words.slice(1), unit: words }
}

export const STATUS_TEXT: Record<WindowStatus, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  unknown: 'Unknown',
}

const SOURCE_TEXT: Record<string, string> = {
  PROBE: 'probe',
  PASSIVE: 'your own traffic',
  ADMIN_API: 'Admin API',
  DERIVED: 'derived',
}

export function sourceText(source: string): string {
  return SOURCE_TEXT[source] ?? source.toLowerCase().replaceAll('_', ' ')
}

/** What to call a key: its label, else its masked key. */
export function keyName(key: Pick<KeyRateLimits, 'label' | 'maskedKey'>): string {
  return key.label || key.maskedKey || 'Unnamed key'
}

/** The share used, 0–100: the server's figure, else worked out from limit and remaining, else null. */
export function usedPercentOf(window: RateLimitWindow): number | null {
  if (window.usedPercent !== null) return clamp(window.usedPercent)
  if (window.limit !== null && window.limit > 0 && window.remaining !== null) {
    return clamp(((window.limit - window.remaining) / window.limit) * 100)
  }
  return null
}

function clamp(percent: number): number {
  return Math.min(100, Math.max(0, percent))
}

/** "Full again in 1 m 3 s" while some is used, "Resets in 42 s" otherwise. */
export function resetText(window: RateLimitWindow, now: number): string {
  if (window.resetAt === null) return 'Reset time unknown'
  const seconds = (Date.parse(window.resetAt) - now) / 1000
  if (!Number.isFinite(seconds)) return 'Reset time unknown'
  if (seconds <= 0) return 'Reset due; new figures at the next refresh'
  const used = usedPercentOf(window)
  return used !== null && used > 0 ? `Full again in ${formatDuration(seconds)}` : `Resets in ${formatDuration(seconds)}`
}

/** When the window runs dry at the current pace: "Runs out in ~3 min at this pace", or "Not draining". */
export function forecastText(window: RateLimitWindow, now: number, receivedAt: number): string {
  const seconds =
    window.exhaustsAt !== null
      ? (Date.parse(window.exhaustsAt) - now) / 1000
      : window.secondsToExhaustion !== null
        ? window.secondsToExhaustion - (now - receivedAt) / 1000
        : null
  if (seconds !== null && Number.isFinite(seconds)) {
    return seconds <= 0 ? 'May already have run out at this pace' : `Runs out in ~${formatRoughDuration(seconds)} at this pace`
  }
  if (window.remaining === 0 || usedPercentOf(window) === 100) return 'Used up until it resets'
  if (window.remaining === null && usedPercentOf(window) === null) return 'No forecast yet'
  return 'Not draining'
}

/** How old a limit's data is now, counting the time since the answer arrived. */
export function ageSecondsNow(limit: KeyLimit, now: number, receivedAt: number): number {
  return limit.ageSeconds + Math.max(0, (now - receivedAt) / 1000)
}

/** "Stale: data is 12 min old". */
export function staleText(ageSeconds: number): string {
  return `Stale: data is ${formatRoughDuration(ageSeconds)} old`
}

/** The provider's Retry-After, counted down from when the limit was captured. */
export function retryAfterText(limit: KeyLimit, now: number): string | null {
  if (limit.retryAfterSeconds === null) return null
  const retryAt = Date.parse(limit.capturedAt) + limit.retryAfterSeconds * 1000
  const seconds = (retryAt - now) / 1000
  if (Number.isFinite(seconds) && seconds > 0) {
    return `Rate limited: the provider asks to retry in ${formatDuration(seconds)}`
  }
  return `Rate limited at the last poll: the provider asked to retry after ${formatDuration(limit.retryAfterSeconds)}`
}
