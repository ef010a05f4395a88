import { afterEach, describe, expect, it } from 'vitest'
import { apiDownload, apiRequest, setRefreshHandler } from '@/lib/api-client'
import { ApiError } from '@/lib/api-error'
import { getAccessToken, setAccessToken } from '@/lib/token-store'
import { mockApi } from '@/testing/mock-api'

const expired = { status: 401, body: { title: 'Unauthorized', status: 401, detail: 'Token expired' } }

/** A refresh that succeeds by installing `newToken`, counting its calls. */
function refreshTo(newToken: string | null) {
  const refresh = { calls: 0 }
  setRefreshHandler(async () => {
    refresh.calls += 1
    if (newToken === null) return false
    setAccessToken(newToken)
    return true
  })
  return refresh
}

describe('apiRequest', () => {
  afterEach(() => setRefreshHandler(null))

  it('sends the bearer token and parses the JSON answer', async () => {
    setAccessToken('token-1')
    const api = mockApi({ 'GET /api/things': { status: 200, body: { ok: true } } })

    await expect(apiRequest('/api/things')).resolves.toEqual({ ok: true })
    expect(api.calls[0].headers.get('Authorization')).toBe('Bearer token-1')
  })

  it('refreshes once on a 401 and retries with the new token', async () => {
    setAccessToken('stale-token')
    const refresh = refreshTo('new-token')
    const api = mockApi({ 'GET /api/things': [expired, { status: 200, body: { ok: true } }] })

    await expect(apiRequest('/api/things')).resolves.toEqual({ ok: true })
    expect(refresh.calls).toBe(1)
    expect(api.calls.map((call) => call.headers.get('Authorization'))).toEqual([
      'Bearer stale-token',
      'Bearer new-token',
    ])
  })

  it('does not loop when the retry is rejected too, and ends the session', async () => {
    setAccessToken('stale-token')
    const refresh = refreshTo('also-rejected')
    const api = mockApi({ 'GET /api/things': expired })

    await expect(apiRequest('/api/things')).rejects.toMatchObject({ status: 401 })
    expect(refresh.calls).toBe(1)
    expect(api.calls).toHaveLength(2)
    expect(getAccessToken()).toBeNull()
  })

  it('gives up without a retry when the refresh fails', async () => {
    setAccessToken('stale-token')
    refreshTo(null)
    const api = mockApi({ 'GET /api/things': expired })

    await expect(apiRequest('/api/things')).rejects.toMatchObject({ status: 401, detail: 'Token expired' })
    expect(api.calls).toHaveLength(1)
    expect(getAccessToken()).toBeNull()
  })

  it('never refreshes for requests made without auth, like login', async () => {
    setAccessToken('some-token')
    const refresh = refreshTo('new-token')
    const api = mockApi({ 'POST /api/auth/login': expired })

    await expect(apiRequest('/api/auth/login', { method: 'POST', body: {}, auth: false })).rejects.toBeInstanceOf(
      ApiError,
    )
    expect(refresh.calls).toBe(0)
    expect(api.calls[0].headers.get('Authorization')).toBeNull()
  })

  it('reads problem+json field errors', async () => {
    mockApi({
      'POST /api/things': {
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: 'Invalid',
          errors: [{ field: 'name', message: 'must not be blank' }, { bogus: true }],
        },
      },
    })

    const error = await apiRequest('/api/things', { method: 'POST', body: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'name', message: 'must not be blank' }])
  })

  it('turns a network failure into "Quotah is not reachable"', async () => {
    mockApi({ 'GET /api/things': 'network-down' })

    await expect(apiRequest('/api/things')).rejects.toMatchObject({
      status: 0,
      detail: expect.stringContaining('Quotah is not reachable'),
    })
  })

  it('treats a gateway 503 without a body as unreachable', async () => {
    mockApi({ 'GET /api/things': { status: 503 } })

    await expect(apiRequest('/api/things')).rejects.toMatchObject({
      status: 503,
      detail: expect.stringContaining('Quotah is not reachable'),
    })
  })
})

describe('apiDownload', () => {
  afterEach(() => setRefreshHandler(null))

  it('fetches a file with the bearer token and names it from Content-Disposition', async () => {
    setAccessToken('token-1')
    const api = mockApi({
      'GET /api/things.csv': {
        status: 200,
        text: 'a,b\n1,2\n',
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="things.csv"' },
      },
    })

    const file = await apiDownload('/api/things.csv')
    expect(file.filename).toBe('things.csv')
    expect(await file.blob.text()).toBe('a,b\n1,2\n')
    expect(api.calls[0].headers.get('Authorization')).toBe('Bearer token-1')
    expect(api.calls[0].headers.get('Accept')).toBe('text/csv, application/problem+json')
  })

  it('refreshes once on a 401 like any other call, and reads problem answers', async () => {
    setAccessToken('stale-token')
    const refresh = refreshTo('new-token')
    mockApi({
      'GET /api/things.csv': [
        expired,
        { status: 400, body: { title: 'Bad Request', status: 400, detail: 'from must not be after to' } },
      ],
    })

    await expect(apiDownload('/api/things.csv')).rejects.toMatchObject({
      status: 400,
      detail: 'from must not be after to',
    })
    expect(refresh.calls).toBe(1)
  })
})
