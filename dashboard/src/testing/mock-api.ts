import { vi } from 'vitest'

/**
 * A canned answer: a status with an optional JSON body, or with a raw `text` body and its own
 * headers (a CSV file, say), or a network failure.
 */
export type MockReply =
  | { status: number; body?: unknown }
  | { status: number; text: string; headers?: Record<string, string> }
  | 'network-down'

export type RecordedCall = {
  method: string
  path: string
  headers: Headers
  body: unknown
}

/**
 * Replaces global fetch with a fake API keyed by "METHOD /path". A list of replies is
 * served in order and its last one repeats; an unknown route fails the test loudly.
 */
export function mockApi(routes: Record<string, MockReply | MockReply[]>) {
  const queues = new Map(Object.entries(routes).map(([route, replies]) => [route, [replies].flat()]))
  const calls: RecordedCall[] = []

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const path = String(input)
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    calls.push({ method, path, headers: new Headers(init.headers), body })

    const queue = queues.get(`${method} ${path}`)
    if (!queue) throw new Error(`Unexpected request in test: ${method} ${path}`)
    const reply = queue.length > 1 ? queue.shift()! : queue[0]
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
