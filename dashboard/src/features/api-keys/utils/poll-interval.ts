import { formatCount } from '@/lib/format'

/** The intervals offered when adding or editing a key. */
export const POLL_INTERVALS = [30, 60, 300, 900] as const
export const DEFAULT_POLL_INTERVAL = 60

/** A probe is the cheapest possible request: a short prompt in, one token out. */
const PROBE_INPUT_TOKENS = 10
const PROBE_OUTPUT_TOKENS = 1
const SECONDS_PER_DAY = 86_400

/** "30 s", "60 s", "5 min", "15 min". */
export function pollIntervalLabel(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`
}

export function probeRequestsPerDay(intervalSeconds: number): number {
  return Math.floor(SECONDS_PER_DAY / intervalSeconds)
}

export function probeTokensPerDay(intervalSeconds: number): number {
  return probeRequestsPerDay(intervalSeconds) * (PROBE_INPUT_TOKENS + PROBE_OUTPUT_TOKENS)
}

/** The plain statement of what probing costs at an interval, shown beside the toggle. */
export function probingCostText(intervalSeconds: number): string {
  const requests = formatCount(probeRequestsPerDay(intervalSeconds))
  const tokens = formatCount(probeTokensPerDay(intervalSeconds))
  return (
    `Probing sends one 1-token request to the cheapest model each poll: about ${tokens} tokens a day ` +
    `at the chosen interval (${requests} requests of roughly ${PROBE_INPUT_TOKENS} input + ` +
    `${PROBE_OUTPUT_TOKENS} output tokens each).`
  )
}
