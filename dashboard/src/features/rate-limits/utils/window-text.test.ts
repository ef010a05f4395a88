import { describe, expect, it } from 'vitest'
import type { KeyLimit, RateLimitWindow } from '@/features/rate-limits/types/rate-limits'
import {
  forecastText,
  kindText,
  resetText,
  retryAfterText,
  staleText,
  usedPercentOf,
} from '@/features/rate-limits/utils/window-text'

const now = Date.parse('2026-03-01T12:00:00Z')
const at = (secondsFromNow: number) => new Date(now + secondsFromNow * 1000).toISOString()

function window(overrides: Partial<RateLimitWindow> = {}): RateLimitWindow {
  return {
    kind: 'TOKENS',
    limit: 50_000,
    remaining: 48_000,
    usedPercent: 4,
    resetAt: at(63),
    status: 'healthy',
    exhaustsAt: null,
    secondsToExhaustion: null,
    ...overrides,
  }
}

describe('kindText', () => {
  it('names known kinds and their unit', () => {
    expect(kindText('INPUT_TOKENS')).toEqual({ title: 'Input tokens', unit: 'input tokens per minute' })
    expect(kindText('REQUESTS_PER_DAY')).toEqual({ title: 'Daily requests', unit: 'requests per day' })
  })

  it('still names a kind the dashboard does not know yet', () => {
    expect(kindText('CACHED_TOKENS')).toEqual({ title: 'Cached tokens', unit: 'cached tokens' })
  })
})

describe('usedPercentOf', () => {
  it('prefers the server figure and otherwise works it out', () => {
    expect(usedPercentOf(window({ usedPercent: 37 }))).toBe(37)
    expect(usedPercentOf(window({ usedPercent: null, limit: 200, remaining: 50 }))).toBe(75)
  })

  it('is unknown when it cannot be known', () => {
    expect(usedPercentOf(window({ usedPercent: null, remaining: null }))).toBeNull()
    expect(usedPercentOf(window({ usedPercent: null, limit: null }))).toBeNull()
  })
})

describe('resetText', () => {
  it('counts down to the reset', () => {
    expect(resetText(window(), now)).toBe('Full again in 1 m 3 s')
    expect(resetText(window({ usedPercent: 0, remaining: 50_000 }), now)).toBe('Resets in 1 m 3 s')
  })

  it('says when the reset is unknown or already past', () => {
    expect(resetText(window({ resetAt: null }), now)).toBe('Reset time unknown')
    expect(resetText(window({ resetAt: at(-1) }), now)).toBe('Reset due; new figures at the next refresh')
  })
})

describe('forecastText', () => {
  it('forecasts from the exhaustion instant', () => {
    expect(forecastText(window({ exhaustsAt: at(180) }), now, now)).toBe('Runs out in ~3 min at this pace')
  })

  it('ages the server seconds by the time since the answer arrived', () => {
    expect(forecastText(window({ secondsToExhaustion: 200 }), now, now - 20_000)).toBe(
      'Runs out in ~3 min at this pace',
    )
  })

  it('says when nothing is draining, nothing is left, or nothing is known', () => {
    expect(forecastText(window(), now, now)).toBe('Not draining')
    expect(forecastText(window({ remaining: 0, usedPercent: 100 }), now, now)).toBe('Used up until it resets')
    expect(forecastText(window({ remaining: null, usedPercent: null }), now, now)).toBe('No forecast yet')
  })
})

describe('staleText and retryAfterText', () => {
  const limit: KeyLimit = {
    model: null,
    source: 'PROBE',
    capturedAt: at(-10),
    ageSeconds: 10,
    stale: false,
    retryAfterSeconds: 30,
    windows: [],
  }

  it('says how old stale data is', () => {
    expect(staleText(12 * 60)).toBe('Stale: data is 12 min old')
  })

  it('counts the Retry-After down from the capture', () => {
    expect(retryAfterText(limit, now)).toBe('Rate limited: the provider asks to retry in 20 s')
    expect(retryAfterText(limit, now + 60_000)).toBe(
      'Rate limited at the last poll: the provider asked to retry after 30 s',
    )
    expect(retryAfterText({ ...limit, retryAfterSeconds: null }, now)).toBeNull()
  })
})
