import { vi } from 'vitest'

/**
 * A canned answer: a status with an optional JSON body, or with a raw `text` body and its own
 * headers (a CSV file, say), or a network failure.
 */
export type MockReply =
  | { status: number; body?: unknown }
  | { status: number; text: string; headers?: Record<string, string> }
  | 'network-down'

/** Answers each call from the test's own state (e.g. a count that drops once an alert is acknowledged). */
export type MockHandler = (call: RecordedCall) => MockReply

export type RecordedCall = {
  method: string
  path: string
  headers: Headers
  body: unknown
}

/**
 * What the app shell asks on every signed-in page (the alerts bell); a test that cares gives its
 * own answer for the same route.
 */
export const appShellRoutes: Record<string, MockReply> = {
  'GET /api/alerts/unacknowledged-count': { status: 200, body: { count: 0 } },
}

/**
 * Replaces global fetch with a fake API keyed by "METHOD /path" (with its query string, if any).
 * A list of replies is served in order and its last one repeats; a function answers each call
 * itself; an unknown route fails the test loudly.
 */
export function mockApi(routes: Record<string, MockReply | MockReply[] | MockHandler>) {
  const queues = new Map(
    Object.entries({ ...appShellRoutes, ...routes }).map(([route, replies]) => [
      route,
      typeof replies === 'function' ? replies : [replies].flat(),
    ]),
  )
  const calls: RecordedCall[] = []

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const path = String(input)
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined

    const call = { method, path, headers: new Headers(init.headers), body }
    calls.push(call)

    const queue = queues.get(`${method} ${path}`)
    if (!queue) throw new Error(`Unexpected request in test: ${method} ${path}`)
    const reply = typeof queue === 'function' ? queue(call) : queue.length > 1 ? queue.shift()! : queue[0]
    if (reply === 'network-down') throw new TypeError('Failed to fetch')
    if ('text' in reply) return new Response(reply.text, { status: reply.status, headers: reply.headers })
    return jsonResponse(reply.status, reply.body)
  })
  vi.stubGlobal('fetch', fetchMock)

  return {
    fetchMock,
    calls,
    callsTo: (route: string) => calls.filter((call) => `${call.method} ${call.path}` === route),
  }
}

function jsonResponse(status: number, body: unknown): Response {
  if (body === undefined) return new Response(null, { status })
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}

// Answers shared by several tests.
export const ada = {
  id: '7d1c5a8e-0f5e-4a39-9a4e-2b8c2f3f0c11',
  email: 'ada@example.com',
  displayName: 'Ada Lovelace',
  workspaceId: 'b3e2f1a0-1111-4c4c-8888-123456789abc',
}

export function tokens(accessToken: string, expiresIn = 300): MockReply {
  return { status: 200, body: { accessToken, tokenType: 'Bearer', expiresIn } }
}

export const noSession: MockReply = {
  status: 401,
  body: { title: 'Unauthorized', status: 401, detail: 'No valid session' },
}

/** The dashboard's answer for a workspace with no API keys. */
export const noRateLimits: MockReply = {
  status: 200,
  body: { generatedAt: '2026-01-01T00:00:00Z', keys: [] },
}
