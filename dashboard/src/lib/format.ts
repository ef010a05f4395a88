// Small pure formatters shared by the pages. The interface is English, so numbers use
// English separators too ("48,000"), whatever the browser's locale; times use the user's.

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** Below this a count is written in full; above it, compactly ("12.5M"), so it fits a phone card. */
const COMPACT_FROM = 10_000_000

/** "48,000"; "12.5M" from ten million up. */
export function formatCount(value: number): string {
  return Math.abs(value) >= COMPACT_FROM ? compactFormat.format(value) : integerFormat.format(value)
}

/** "48,000", or "unknown" for a value the provider did not report: never a misleading 0. */
export function formatCountOrUnknown(value: number | null): string {
  return value === null ? 'unknown' : formatCount(value)
}

/** A used share of 0–100 as "37%"; near the ends "<1%" and ">99%", so rounding never hides the truth. */
export function formatPercent(percent: number): string {
  if (percent > 0 && percent < 1) return '<1%'
  if (percent > 99 && percent < 100) return '>99%'
  return `${Math.round(percent)}%`
}

/**
 * An exact duration for countdowns: "42 s", "1 m 3 s", "2 h 5 m", "3 d 4 h". Two units at most;
 * a zero second unit is left out ("5 m"). Negative input counts as 0.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds))
  if (seconds < MINUTE) return `${seconds} s`
  if (seconds < HOUR) return twoUnits(Math.floor(seconds / MINUTE), 'm', seconds % MINUTE, 's')
  if (seconds < DAY) return twoUnits(Math.floor(seconds / HOUR), 'h', Math.floor((seconds % HOUR) / MINUTE), 'm')
  return twoUnits(Math.floor(seconds / DAY), 'd', Math.floor((seconds % DAY) / HOUR), 'h')
}

function twoUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`
}

/** A rounded length of time: "45 s", "3 min", "2 h", "1 day", "3 days". */
export function formatRoughDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  if (seconds < MINUTE) return `${seconds} s`
  // Each unit is rounded first, so 59.6 minutes reads "1 h", not "60 min".
  const minutes = Math.round(seconds / MINUTE)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.round(seconds / HOUR)
  if (hours < 24) return `${hours} h`
  const days = Math.round(seconds / DAY)
  return days === 1 ? '1 day' : `${days} days`
}

/** How long ago `then` was, seen from `now` (both epoch ms): "just now", "42 s ago", "3 min ago". */
export function formatTimeAgo(then: number, now: number): string {
  const seconds = (now - then) / 1000
  if (seconds < 10) return seconds < -10 ? `in ${formatRoughDuration(-seconds)}` : 'just now'
  return `${formatRoughDuration(seconds)} ago`
}

/** The exact local date and time, for a title or tooltip. */
export function formatDateTime(instant: number | string): string {
  return new Date(instant).toLocaleString()
}

/** The local time of day, e.g. "14:03:45". */
export function formatClockTime(instant: number | string): string {
  return new Date(instant).toLocaleTimeString()
}
