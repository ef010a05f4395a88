import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyLimit, RateLimitWindow } from '@/features/rate-limits/types/rate-limits'
import { ada, mockApi, tokens, type MockReply } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const at = (secondsFromNow: number) => new Date(NOW + secondsFromNow * 1000).toISOString()

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

function limit(overrides: Partial<KeyLimit> = {}): KeyLimit {
  return {
    model: 'claude-sonnet-4',
    source: 'PROBE',
    capturedAt: at(-5),
    ageSeconds: 5,
    stale: false,
    retryAfterSeconds: null,
    windows: [window()],
    ...overrides,
  }
}

function rateLimits(limits = [limit()]): MockReply {
  return {
    status: 200,
    body: {
      generatedAt: at(0),
      keys: [
        {
          keyId: KEY_ID,
          provider: 'ANTHROPIC',
          label: 'Production',
          maskedKey: 'sk-ant-…abcd',
          limits,
        },
      ],
    },
  }
}

const KEY_ID = '11111111-1111-4111-8111-111111111111'

function openDashboard(replies: MockReply | MockReply[], routes: Record<string, MockReply | MockReply[]> = {}) {
  const api = mockApi({
    'POST /api/auth/refresh': tokens('session-token'),
    'GET /api/auth/me': { status: 200, body: ada },
    'GET /api/multi/rate-limits': replies,
    ...routes,
  })
  return { api, ...renderApp('/') }
}

const card = (name: string) => screen.findByRole('group', { name })

/** Waits until no refresh is in flight (the button is no longer busy). */
const refreshed = () =>
  vi.waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('aria-busy'))

/** Moves the faked clock (intervals and Date) on, letting React render what it caused. */
function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}

describe('dashboard', () => {
  beforeEach(() => {
    // Only intervals and the clock are faked: Testing Library's waiting keeps its real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: NOW })
  })
  afterEach(() => vi.useRealTimers())

  it('shows a section per key and a card per window, coloured and labelled by status', async () => {
    const { api } = openDashboard(
      rateLimits([
        limit({
          windows: [
            window({ kind: 'REQUESTS', limit: 50, remaining: 49, usedPercent: 2, status: 'healthy' }),
            window({ kind: 'INPUT_TOKENS', limit: 40_000, remaining: 12_000, usedPercent: 70, status: 'warning' }),
            window({ kind: 'OUTPUT_TOKENS', limit: 8_000, remaining: 320, usedPercent: 96, status: 'critical' }),
            window({ kind: 'REQUESTS_PER_DAY', limit: 1_000, remaining: 500, usedPercent: 50, status: 'unknown' }),
          ],
        }),
      ]),
    )

    const section = await screen.findByRole('region', { name: 'Production' })
    expect(section).toHaveTextContent('Anthropic')
    expect(section).toHaveTextContent('sk-ant-…abcd')
    expect(section).toHaveTextContent('claude-sonnet-4')

    const requests = await card('Production requests per minute (claude-sonnet-4)')
    expect(requests).toHaveAttribute('data-status', 'healthy')
    expect(requests).toHaveAttribute('data-kind', 'REQUESTS')
    expect(within(requests).getByText('Healthy')).toBeInTheDocument()
    expect(requests.querySelector('circle.stroke-emerald-500')).not.toBeNull()

    const input = await card('Production input tokens per minute (claude-sonnet-4)')
    expect(input).toHaveAttribute('data-status', 'warning')
    expect(within(input).getByText('Warning')).toBeInTheDocument()
    expect(within(input).getByText('12,000 / 40,000')).toBeInTheDocument()
    expect(input.querySelector('circle.stroke-amber-500')).not.toBeNull()

    const output = await card('Production output tokens per minute (claude-sonnet-4)')
    expect(output).toHaveAttribute('data-status', 'critical')
    expect(within(output).getByText('Critical')).toBeInTheDocument()
    expect(output.querySelector('circle.stroke-red-500')).not.toBeNull()
    const meter = within(output).getByRole('meter')
    expect(meter).toHaveAttribute('aria-valuenow', '96')
    expect(meter).toHaveAttribute('aria-valuetext', '96% used, critical')

    const daily = await card('Production requests per day (claude-sonnet-4)')
    expect(daily).toHaveAttribute('data-status', 'unknown')
    expect(within(daily).getByText('Unknown')).toBeInTheDocument()
    expect(daily.querySelector('circle.stroke-gray-400')).not.toBeNull()

    expect(api.callsTo('GET /api/multi/rate-limits')[0].headers.get('Authorization')).toBe('Bearer session-token')
  })

  it('writes unknown for values the provider did not report, never 0', async () => {
    openDashboard(
      rateLimits([
        limit({
          model: null,
          windows: [window({ kind: 'TOKENS', limit: null, remaining: null, usedPercent: null, resetAt: null, status: 'unknown' })],
        }),
      ]),
    )

    const tokensCard = await card('Production tokens per minute')
    expect(tokensCard).toHaveAttribute('data-status', 'unknown')
    expect(within(tokensCard).getByText('unknown / unknown')).toBeInTheDocument()
    // A gauge with nothing to show is not drawn at all.
    expect(within(tokensCard).queryByTestId('usage-gauge')).not.toBeInTheDocument()
    expect(within(tokensCard).queryByRole('img')).not.toBeInTheDocument()
    expect(tokensCard).toHaveTextContent('Reset time unknown')
    expect(tokensCard).toHaveTextContent('No forecast yet')
    expect(tokensCard.textContent).not.toMatch(/\b0\b/)
  })

  it('counts down to the reset every second and forecasts exhaustion', async () => {
    openDashboard(
      rateLimits([
        limit({
          windows: [
            window({ kind: 'REQUESTS', resetAt: at(63), usedPercent: 40, exhaustsAt: at(180), status: 'warning' }),
            window({ kind: 'TOKENS', resetAt: at(42), usedPercent: 0, remaining: 50_000 }),
          ],
        }),
      ]),
    )

    const requests = await card('Production requests per minute (claude-sonnet-4)')
    const tokensCard = await card('Production tokens per minute (claude-sonnet-4)')
    expect(requests).toHaveTextContent('Full again in 1 m 3 s')
    expect(requests).toHaveTextContent('Runs out in ~3 min at this pace')
    expect(tokensCard).toHaveTextContent('Resets in 42 s')
    expect(tokensCard).toHaveTextContent('Not draining')

    advance(1000)
    expect(requests).toHaveTextContent('Full again in 1 m 2 s')
    expect(tokensCard).toHaveTextContent('Resets in 41 s')

    advance(2000)
    expect(requests).toHaveTextContent('Full again in 1 m')
    expect(requests).not.toHaveTextContent('1 m 0 s')

    advance(40_000)
    expect(tokensCard).toHaveTextContent('Reset due; new figures at the next refresh')
  })

  it('warns when data is stale and passes on the Retry-After', async () => {
    openDashboard(
      rateLimits([limit({ stale: true, ageSeconds: 12 * 60, capturedAt: at(-12 * 60), retryAfterSeconds: 30 })]),
    )

    const tokensCard = await card('Production tokens per minute (claude-sonnet-4)')
    expect(within(tokensCard).getByTestId('stale-badge')).toHaveTextContent('Stale: data is 12 min old')
    expect(within(tokensCard).getByTestId('retry-after')).toHaveTextContent(
      'the provider asked to retry after 30 s',
    )
  })

  it('counts a fresh Retry-After down', async () => {
    openDashboard(rateLimits([limit({ capturedAt: at(-10), retryAfterSeconds: 30 })]))

    const tokensCard = await card('Production tokens per minute (claude-sonnet-4)')
    expect(within(tokensCard).getByTestId('retry-after')).toHaveTextContent('retry in 20 s')
    expect(within(tokensCard).queryByTestId('stale-badge')).not.toBeInTheDocument()
  })

  it('refreshes when the window regains focus or visibility, and every minute', async () => {
    const { api } = openDashboard(rateLimits())
    const calls = () => api.callsTo('GET /api/multi/rate-limits').length

    await card('Production tokens per minute (claude-sonnet-4)')
    expect(calls()).toBe(1)

    fireEvent.focus(globalThis.window)
    await vi.waitFor(() => expect(calls()).toBe(2))
    await refreshed()

    // Browsers fire it at the document and let it bubble to the window.
    fireEvent(document, new Event('visibilitychange', { bubbles: true }))
    await vi.waitFor(() => expect(calls()).toBe(3))
    await refreshed()

    advance(60_000)
    await vi.waitFor(() => expect(calls()).toBe(4))
  })

  it('asks once when a tab comes back with focus and visibility together, and not while hidden', async () => {
    const { api } = openDashboard(rateLimits())
    const calls = () => api.callsTo('GET /api/multi/rate-limits').length
    await card('Production tokens per minute (claude-sonnet-4)')
    await refreshed()

    fireEvent(document, new Event('visibilitychange', { bubbles: true }))
    fireEvent.focus(globalThis.window)
    await vi.waitFor(() => expect(calls()).toBe(2))
    await refreshed()
    expect(calls()).toBe(2)

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    advance(60_000)
    expect(calls()).toBe(2)
    visibility.mockReturnValue('visible')
    fireEvent(document, new Event('visibilitychange', { bubbles: true }))
    await vi.waitFor(() => expect(calls()).toBe(3))
  })

  it('refreshes on demand and says when it last did', async () => {
    const { api, user } = openDashboard(rateLimits())

    await card('Production tokens per minute (claude-sonnet-4)')
    expect(screen.getByText(/Last updated/)).toHaveTextContent(new Date(NOW).toLocaleTimeString())

    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await vi.waitFor(() => expect(api.callsTo('GET /api/multi/rate-limits')).toHaveLength(2))
  })

  it('keeps the last figures under a banner when a refresh fails, and recovers on Retry', async () => {
    // A network failure is tried once more before the page gives up on it.
    const { api, user } = openDashboard([rateLimits(), 'network-down', 'network-down', rateLimits()])

    const tokensCard = await card('Production tokens per minute (claude-sonnet-4)')
    await user.click(screen.getByRole('button', { name: 'Refresh' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The rate limits could not be refreshed')
    expect(alert).toHaveTextContent('Quotah is not reachable')
    expect(tokensCard).toBeInTheDocument()
    expect(tokensCard).toHaveTextContent('48,000 / 50,000')
    expect(api.callsTo('GET /api/multi/rate-limits')).toHaveLength(3)

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await vi.waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
  })

  it('says the API is down when there is nothing to show yet', async () => {
    openDashboard({ status: 503 })

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The rate limits could not be loaded')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(screen.queryByRole('group')).not.toBeInTheDocument()
  })

  it('points to the API Keys page when there are no keys', async () => {
    openDashboard({ status: 200, body: { generatedAt: at(0), keys: [] } })

    expect(await screen.findByText('No API keys yet')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /Add an API key/ })).toHaveAttribute('href', '/api-keys')
  })

  it('says when a key has no rate-limit data yet', async () => {
    openDashboard(rateLimits([]))

    expect(await screen.findByText(/No rate-limit data for this key yet/)).toBeInTheDocument()
  })

  it('looks again within seconds while a key waits for its first poll', async () => {
    const { api } = openDashboard([rateLimits([]), rateLimits()])

    expect(await screen.findByText(/No rate-limit data for this key yet/)).toBeInTheDocument()
    advance(5_000)

    expect(await card('Production tokens per minute (claude-sonnet-4)')).toBeInTheDocument()
    expect(api.callsTo('GET /api/multi/rate-limits')).toHaveLength(2)
    advance(5_000)
    expect(api.callsTo('GET /api/multi/rate-limits')).toHaveLength(2)
  })

  describe('model classes', () => {
    /** What the demo Anthropic key answers: a probe of claude-haiku-4-5, and the Admin API's three groups. */
    const configured = (model: string, inputTokens: number) =>
      limit({
        model,
        source: 'ADMIN_API',
        windows: [
          window({ kind: 'REQUESTS', limit: 50, remaining: null, usedPercent: null, resetAt: null, status: 'unknown' }),
          window({ kind: 'INPUT_TOKENS', limit: inputTokens, remaining: null, usedPercent: null, resetAt: null, status: 'unknown' }),
          window({ kind: 'OUTPUT_TOKENS', limit: 8_000, remaining: null, usedPercent: null, resetAt: null, status: 'unknown' }),
        ],
      })
    const probe = limit({
      model: 'claude-haiku-4-5',
      source: 'PROBE',
      windows: [
        window({ kind: 'REQUESTS', limit: 50, remaining: 49, usedPercent: 2 }),
        window({ kind: 'INPUT_TOKENS', limit: 50_000, remaining: 50_000, usedPercent: 0 }),
        window({ kind: 'OUTPUT_TOKENS', limit: 10_000, remaining: null, usedPercent: null, status: 'unknown' }),
      ],
    })

    it('shows one part per model class, the configured limit beside the live figures, and no empty gauge', async () => {
      openDashboard(
        rateLimits([
          probe,
          configured('claude-opus-4-1-20250805', 30_000),
          configured('claude-sonnet-4-5-20250929', 30_000),
          configured('claude-haiku-4-5-20251001', 50_000),
        ]),
      )

      const requests = await card('Production requests per minute (claude-haiku-4-5)')
      const groups = screen.getAllByTestId('model-group')
      expect(groups.map((group) => group.querySelector('h3')?.textContent)).toEqual([
        'Claude Haiku 4.x',
        'Claude Opus 4.x',
        'Claude Sonnet 4.x',
      ])
      // The probed model and the Admin API's group of the same class are one part.
      expect(groups[0]).toHaveTextContent('claude-haiku-4-5 from probe')
      expect(groups[0]).toHaveTextContent('(claude-haiku-4-5-20251001) from Admin API')
      expect(within(requests).getByText('49 / 50')).toBeInTheDocument()
      expect(within(requests).getByTestId('configured-limit')).toHaveTextContent('limit 50 (configured)')
      const input = await card('Production input tokens per minute (claude-haiku-4-5)')
      expect(within(input).getByTestId('configured-limit')).toHaveTextContent('limit 50,000 (configured)')

      // Only the live windows are cards; the one with no figure to draw has no gauge.
      expect(screen.getAllByRole('group')).toHaveLength(3)
      const output = await card('Production output tokens per minute (claude-haiku-4-5)')
      expect(within(output).queryByTestId('usage-gauge')).not.toBeInTheDocument()
      expect(within(output).getByTestId('configured-limit')).toHaveTextContent('limit 8,000 (configured)')
      expect(screen.getAllByTestId('usage-gauge')).toHaveLength(2)
      expect(document.body.textContent).not.toContain('unknown / 50')

      // A class known only by its configured limits shows them as figures.
      const opus = within(groups[1]).getByTestId('configured-limits')
      expect(within(opus).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
        'limit 50 requests per minute (configured)',
        'limit 30,000 input tokens per minute (configured)',
        'limit 8,000 output tokens per minute (configured)',
      ])
      expect(opus).toHaveTextContent('No live headroom yet')
      expect(within(groups[1]).queryByTestId('usage-gauge')).not.toBeInTheDocument()
    })

    it('keeps a group it cannot match apart, still without a gauge', async () => {
      openDashboard(rateLimits([probe, configured('rl_custom_group', 40_000)]))

      await card('Production requests per minute (claude-haiku-4-5)')
      const groups = screen.getAllByTestId('model-group')
      expect(groups).toHaveLength(2)
      expect(groups[1].querySelector('h3')).toHaveTextContent('rl_custom_group')
      expect(groups[1]).toHaveTextContent('limit 40,000 input tokens per minute (configured)')
      expect(within(groups[1]).queryByTestId('usage-gauge')).not.toBeInTheDocument()
      expect(within(groups[0]).queryByTestId('configured-limit')).not.toBeInTheDocument()
    })
  })

  describe('history', () => {
    const historyPath = (hours: number) =>
      `GET /api/multi/rate-limits/${KEY_ID}/history?from=${new Date(NOW - hours * 3_600_000).toISOString()}&to=${new Date(NOW).toISOString()}`
    const point = (minutesAgo: number, kind: string, remaining: number | null, limitValue = 50) => ({
      capturedAt: at(-minutesAgo * 60),
      model: 'claude-haiku-4-5',
      kind,
      limit: limitValue,
      remaining,
      usedPercent: remaining === null ? null : ((limitValue - remaining) / limitValue) * 100,
    })
    const history = (hours: number, points: unknown[]): MockReply => ({
      status: 200,
      body: {
        keyId: KEY_ID,
        from: new Date(NOW - hours * 3_600_000).toISOString(),
        to: new Date(NOW).toISOString(),
        resolution: 'raw',
        points,
      },
    })

    it('opens from the key, asks for the last 24 hours, and says in words what each line shows', async () => {
      const { api, user } = openDashboard(rateLimits(), {
        [historyPath(24)]: history(24, [
          point(30, 'REQUESTS', 49),
          point(20, 'REQUESTS', 10),
          point(10, 'REQUESTS', 45),
          // A configured limit alone has no line to draw.
          point(10, 'OUTPUT_TOKENS', null, 8_000),
        ]),
        [historyPath(24 * 7)]: history(24 * 7, []),
      })
      await card('Production tokens per minute (claude-sonnet-4)')
      expect(api.calls.some((call) => call.path.includes('/history'))).toBe(false)

      const toggle = screen.getByRole('button', { name: 'History of Production' })
      expect(toggle).toHaveAttribute('aria-expanded', 'false')
      await user.click(toggle)
      expect(toggle).toHaveAttribute('aria-expanded', 'true')

      const chart = await screen.findByRole('img', {
        name: /^Production, requests per minute \(claude-haiku-4-5\) remaining over the last 24 hours: 3 readings; lowest remaining 10 of 50 at .+; latest 45 of 50$/,
      })
      expect(chart.querySelector('.recharts-wrapper')).not.toBeNull()
      expect(screen.getAllByTestId('history-series')).toHaveLength(1)
      expect(api.callsTo(historyPath(24))).toHaveLength(1)
      expect(api.callsTo(historyPath(24))[0].headers.get('Authorization')).toBe('Bearer session-token')
      expect(screen.getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'true')

      await user.click(screen.getByRole('button', { name: '7 d' }))
      expect(await screen.findByText('No readings of remaining headroom in the last 7 days.')).toBeInTheDocument()
      expect(api.callsTo(historyPath(24 * 7))).toHaveLength(1)
      expect(screen.getByRole('button', { name: '7 d' })).toHaveAttribute('aria-pressed', 'true')

      await user.click(toggle)
      expect(toggle).toHaveAttribute('aria-expanded', 'false')
      expect(screen.queryByTestId('key-history')).not.toBeInTheDocument()
    })

    it('says when the history cannot be loaded, and tries again on Retry', async () => {
      const { api, user } = openDashboard(rateLimits(), {
        [historyPath(1)]: [{ status: 404, body: { detail: 'No key' } }, history(1, [point(5, 'REQUESTS', 40)])],
        [historyPath(24)]: history(24, []),
      })
      await card('Production tokens per minute (claude-sonnet-4)')
      await user.click(screen.getByRole('button', { name: 'History of Production' }))
      await screen.findByText(/No readings of remaining headroom/)
      await user.click(screen.getByRole('button', { name: '1 h' }))

      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('The history of Production could not be loaded')
      await user.click(within(alert).getByRole('button', { name: 'Retry' }))
      expect(await screen.findByRole('img', { name: /over the last hour: 1 reading;/ })).toBeInTheDocument()
      expect(api.callsTo(historyPath(1))).toHaveLength(2)
    })
  })
})
