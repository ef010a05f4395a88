// Calendar days as the API writes them ("2026-03-01"). Cost is bucketed by UTC day, so "today"
// is today in UTC and day arithmetic runs on UTC midnights, free of daylight-saving jumps.

const DAY_MS = 86_400_000
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** Today's UTC date at `now` (epoch ms). */
export function todayUtc(now: number): string {
  return new Date(now).toISOString().slice(0, 10)
}

/** How long from `now` (epoch ms) until the next UTC day begins. */
export function msUntilNextUtcDay(now: number): number {
  return DAY_MS - (((now % DAY_MS) + DAY_MS) % DAY_MS)
}

/** Whether `value` is a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false
  const time = Date.parse(`${value}T00:00:00Z`)
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value)
}

function dayToTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`)
}

export function addDays(day: string, days: number): string {
  return todayUtc(dayToTime(day) + days * DAY_MS)
}

/** How many days `from` to `to` covers, both included: the same day is 1. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((dayToTime(to) - dayToTime(from)) / DAY_MS) + 1
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const count = Math.max(0, daysInclusive(from, to))
  return Array.from({ length: count }, (_, index) => addDays(from, index))
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const shortDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })
const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "Mar 1, 2026" (in the reader's locale). */
export function formatDay(day: string): string {
  return dayFormat.format(dayToTime(day))
}

/** "Mar 1" (in the reader's locale), for chart axes. */
export function formatShortDay(day: string): string {
  return shortDayFormat.format(dayToTime(day))
}

/** "2026-03" → "March 2026". */
export function formatMonth(month: string): string {
  return monthFormat.format(dayToTime(`${month}-01`))
}
