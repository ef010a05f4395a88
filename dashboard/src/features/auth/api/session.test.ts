import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { refreshDelayMs, refreshSession, startSession } from '@/features/auth/api/session'
import { getAccessToken } from '@/lib/token-store'
import { mockApi, noSession, tokens } from '@/testing/mock-api'

describe('session', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('renews the access token 30 seconds before it expires', async () => {
    const api = mockApi({ 'POST /api/auth/refresh': tokens('second-token') })
    startSession({ accessToken: 'first-token', tokenType: 'Bearer', expiresIn: 300 })

    await vi.advanceTimersByTimeAsync(269_000)
    expect(api.callsTo('POST /api/auth/refresh')).toHaveLength(0)

    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.callsTo('POST /api/auth/refresh')).toHaveLength(1)
    expect(getAccessToken()).toBe('second-token')
  })

  it('renews very short-lived tokens at half their lifetime', () => {
    expect(refreshDelayMs(300)).toBe(270_000)
    expect(refreshDelayMs(40)).toBe(20_000)
  })

  it('sends one refresh request for concurrent callers', async () => {
    const api = mockApi({ 'POST /api/auth/refresh': tokens('shared-token') })

    const results = await Promise.all([refreshSession(), refreshSession(), refreshSession()])

    expect(results).toEqual([true, true, true])
    expect(api.callsTo('POST /api/auth/refresh')).toHaveLength(1)
  })

  it('ends the session when the scheduled refresh is refused', async () => {
    mockApi({ 'POST /api/auth/refresh': noSession })
    startSession({ accessToken: 'first-token', tokenType: 'Bearer', expiresIn: 300 })

    await vi.advanceTimersByTimeAsync(270_000)

    expect(getAccessToken()).toBeNull()
  })

  it('keeps the still-valid token through a network blip and tries again', async () => {
    const api = mockApi({ 'POST /api/auth/refresh': ['network-down', tokens('second-token')] })
    startSession({ accessToken: 'first-token', tokenType: 'Bearer', expiresIn: 300 })

    await vi.advanceTimersByTimeAsync(270_000)
    expect(getAccessToken()).toBe('first-token')

    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.callsTo('POST /api/auth/refresh')).toHaveLength(2)
    expect(getAccessToken()).toBe('second-token')
  })
})
