import { describe, expect, it } from 'vitest'
import { addDays, daysInclusive, eachDay, formatMonth, isDay, msUntilNextUtcDay, todayUtc } from '@/features/analytics/utils/days'

describe('days', () => {
  it('takes today in UTC, whatever the local time zone says', () => {
    expect(todayUtc(Date.parse('2026-03-15T23:59:59Z'))).toBe('2026-03-15')
    expect(todayUtc(Date.parse('2026-03-16T00:00:00Z'))).toBe('2026-03-16')
  })

  it('knows how long until the next UTC day begins', () => {
    expect(msUntilNextUtcDay(Date.parse('2026-03-15T23:59:59Z'))).toBe(1000)
    expect(msUntilNextUtcDay(Date.parse('2026-03-15T10:00:00Z'))).toBe(14 * 3_600_000)
    expect(msUntilNextUtcDay(Date.parse('2026-03-16T00:00:00Z'))).toBe(86_400_000)
  })

  it('knows real days from look-alikes', () => {
    expect(isDay('2028-02-29')).toBe(true)
    expect(isDay('2026-02-29')).toBe(false)
    expect(isDay('2026-3-1')).toBe(false)
    expect(isDay('')).toBe(false)
  })

  it('counts days with both ends included', () => {
    expect(daysInclusive('2026-03-15', '2026-03-15')).toBe(1)
    expect(daysInclusive('2026-03-01', '2026-03-31')).toBe(31)
    expect(addDays('2026-03-29', 3)).toBe('2026-04-01')
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    expect(eachDay('2026-03-02', '2026-03-01')).toEqual([])
  })

  it('names a month', () => {
    expect(formatMonth('2026-03')).toBe('March 2026')
  })
})
