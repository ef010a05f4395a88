import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatCountOrUnknown,
  formatDuration,
  formatPercent,
  formatRoughDuration,
  formatTimeAgo,
} from '@/lib/format'

describe('formatCount', () => {
  it('writes counts with thousands separators', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(48_000)).toBe('48,000')
    expect(formatCount(2_000_000)).toBe('2,000,000')
  })

  it('shortens counts of ten million and more', () => {
    expect(formatCount(12_500_000)).toBe('12.5M')
    expect(formatCount(5_000_000_000)).toBe('5B')
  })

  it('says unknown for a missing value instead of showing 0', () => {
    expect(formatCountOrUnknown(null)).toBe('unknown')
    expect(formatCountOrUnknown(0)).toBe('0')
  })
})

describe('formatPercent', () => {
  it('rounds to whole percent but never hides a little use or a little headroom', () => {
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(0.4)).toBe('<1%')
    expect(formatPercent(37.6)).toBe('38%')
    expect(formatPercent(99.6)).toBe('>99%')
    expect(formatPercent(100)).toBe('100%')
  })
})

describe('formatDuration', () => {
  it('counts seconds under a minute', () => {
    expect(formatDuration(42)).toBe('42 s')
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(-5)).toBe('0 s')
  })

  it('rounds a fraction of a second up, so a countdown never shows 0 too early', () => {
    expect(formatDuration(0.2)).toBe('1 s')
  })

  it('uses two units at most and drops a zero minor unit', () => {
    expect(formatDuration(63)).toBe('1 m 3 s')
    expect(formatDuration(300)).toBe('5 m')
    expect(formatDuration(2 * 3600 + 5 * 60 + 9)).toBe('2 h 5 m')
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h')
  })
})

describe('formatRoughDuration', () => {
  it('picks one rounded unit', () => {
    expect(formatRoughDuration(45)).toBe('45 s')
    expect(formatRoughDuration(170)).toBe('3 min')
    expect(formatRoughDuration(2 * 3600)).toBe('2 h')
    expect(formatRoughDuration(86400)).toBe('1 day')
    expect(formatRoughDuration(3 * 86400)).toBe('3 days')
  })

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatRoughDuration(59.6 * 60)).toBe('1 h')
    expect(formatRoughDuration(23.7 * 3600)).toBe('1 day')
  })
})

describe('formatTimeAgo', () => {
  const now = Date.parse('2026-01-01T12:00:00Z')

  it('says how long ago, rounded', () => {
    expect(formatTimeAgo(now - 3_000, now)).toBe('just now')
    expect(formatTimeAgo(now - 42_000, now)).toBe('42 s ago')
    expect(formatTimeAgo(now - 3 * 60_000, now)).toBe('3 min ago')
    expect(formatTimeAgo(now - 2 * 86_400_000, now)).toBe('2 days ago')
  })

  it('tolerates a server clock slightly ahead of the browser', () => {
    expect(formatTimeAgo(now + 5_000, now)).toBe('just now')
    expect(formatTimeAgo(now + 120_000, now)).toBe('in 2 min')
  })
})
