import { analyticsKeys } from '@/features/analytics/api/query-keys'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  breakdownRow,
  CI_KEY,
  costAnswers,
  costPath,
  costRoutes,
  emptyAnswer,
  PRODUCTION_KEY,
} from '@/features/analytics/__fixtures__/cost-fixtures'
import { sumCents } from '@/lib/money'
import { ada, mockApi, tokens, type MockReply } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

// The clock is fixed at 10:00 UTC on 15 March 2026, so "today" is 2026-03-15.
const NOW = Date.parse('2026-03-15T10:00:00Z')
const LAST_30_DAYS = { from: '2026-02-14', to: '2026-03-15' }
const LAST_7_DAYS = { from: '2026-03-09', to: '2026-03-15' }

function openAnalytics(path = '/analytics', routes: Record<string, MockReply | MockReply[]> = costRoutes(LAST_30_DAYS)) {
  const api = mockApi({
    'POST /api/auth/refresh': tokens('session-token'),
    'GET /api/auth/me': { status: 200, body: ada },
    ...routes,
  })
  return { api, ...renderApp(path) }
}

const totalCost = () => screen.findByTestId('analytics-total-cost')
const rows = () => screen.getAllByTestId('cost-row')
const rowOf = (model: string) => rows().find((row) => row.dataset.model === model)!

/** The text of the messages an input points to with aria-describedby. */
function describedText(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

describe('analytics page', () => {
  beforeEach(() => {
    // Only the clock is faked: Testing Library's waiting keeps its real timeouts.
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  })
  afterEach(() => vi.useRealTimers())

  it('shows the totals, charts and table of the last 30 days', async () => {
    const { api } = openAnalytics()

    expect(await totalCost()).toHaveTextContent(/^\$12\.34$/)
    expect(document.title).toBe('Analytics · Quotah')
    expect(screen.getByRole('heading', { level: 1, name: 'Analytics' })).toBeInTheDocument()
    expect(screen.getByTestId('analytics-projection')).toHaveTextContent('$25.50')
    expect(screen.getByText('Projected for March 2026')).toBeInTheDocument()
    expect(screen.getByTestId('projection-method')).toHaveTextContent(
      'Method: average daily spend so far, times the days in the month',
    )
    expect(screen.getByText(/\$12\.34 spent so far, 16 days left/)).toBeInTheDocument()
    expect(screen.getByTestId('analytics-requests')).toHaveTextContent('205')
    // Input of every kind plus output; reasoning is inside output and not added again.
    expect(screen.getByTestId('analytics-tokens')).toHaveTextContent(/^129,150$/)

    expect(screen.getByRole('img', { name: /^Cost by provider: Anthropic \$8\.00 \(65%\), OpenAI \$4\.34 \(35%\)$/ })).toBeInTheDocument()
    expect(
      screen.getByRole('img', { name: /^Cost by model, highest first: claude-sonnet-4 \$8\.00 \(65%\), gpt-5 \$4\.34 \(35%\), mystery-model unknown$/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('img', { name: /^Daily cost from .+: Total \$12\.34 over 30 days; highest .+ at \$8\.34/ })).toBeInTheDocument()
    // Drawn by Recharts, as one image each: the slices and bars are there, and nothing in them takes focus.
    expect(screen.getByTestId('provider-chart').querySelectorAll('.recharts-pie-sector').length).toBeGreaterThanOrEqual(2)
    expect(screen.getByTestId('model-chart').querySelector('.recharts-wrapper')).not.toBeNull()
    expect(screen.getByTestId('trend-chart').querySelector('.recharts-wrapper')).not.toBeNull()
    for (const chart of ['provider-chart', 'model-chart', 'trend-chart']) {
      expect(screen.getByTestId(chart).querySelector('[tabindex="0"]')).toBeNull()
    }
    // Each chart's figures are also a table for screen readers.
    const providerTable = screen.getByRole('table', { name: 'Cost by provider' })
    expect(within(providerTable).getByRole('row', { name: /Anthropic \$8\.00 \(65%\)/ })).toBeInTheDocument()
    expect(within(providerTable).getByRole('row', { name: /OpenAI \$4\.34 \(35%\), plus usage with no known price/ })).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: 'Daily cost' })).getAllByRole('row')).toHaveLength(31)

    const table = screen.getByTestId('cost-table')
    expect(within(table).getAllByTestId('cost-row').map((row) => [row.dataset.model, row.dataset.keyId])).toEqual([
      ['claude-sonnet-4', PRODUCTION_KEY],
      ['gpt-5', CI_KEY],
      ['mystery-model', CI_KEY],
    ])
    const sonnet = rowOf('claude-sonnet-4')
    expect(sonnet).toHaveTextContent('Production')
    expect(within(sonnet).getByTestId('row-cost')).toHaveTextContent(/^\$8\.00$/)
    // Key, cost and its markers, requests, then uncached input, cache write 5m, cache write 1h,
    // cache read, output and reasoning tokens.
    const cells = within(sonnet).getAllByRole('cell').map((cell) => cell.textContent)
    expect(cells[1]).toBe('$8.00')
    expect(cells.slice(3)).toEqual(['120', '50,000', '2,000', '1,000', '30,000', '12,000', '0'])

    const paths = api.calls.filter((call) => call.path.startsWith('/api/multi/')).map((call) => call.path)
    expect(paths.sort()).toEqual(
      [costPath(LAST_30_DAYS, 'model'), costPath(LAST_30_DAYS, 'model,key'), costPath(LAST_30_DAYS, 'provider')].sort(),
    )
    expect(api.callsTo(`GET ${costPath(LAST_30_DAYS, 'model,key')}`)[0].headers.get('Authorization')).toBe(
      'Bearer session-token',
    )
  })

  it('writes unknown for a cost it cannot price, never $0.00', async () => {
    openAnalytics()
    await totalCost()

    const mystery = rowOf('mystery-model')
    expect(within(mystery).getByTestId('row-cost')).toHaveTextContent(/^unknown$/)
    expect(within(mystery).getByTestId('unknown-price')).toHaveTextContent('Unknown price')
    expect(mystery.textContent).not.toContain('$0.00')
    // The total counts what has a price, and says some usage has none.
    expect(screen.getByText('Plus usage with no known price, not counted.')).toBeInTheDocument()
  })

  it('writes "not reported" for requests a provider does not count, never 0', async () => {
    const answers = costAnswers(LAST_30_DAYS)
    // Anthropic's usage report has no request count: the API answers 0 beside the tokens.
    const haiku = breakdownRow({
      model: 'claude-haiku-4-5',
      keyId: PRODUCTION_KEY,
      keyLabel: 'Production',
      cost: '0.01',
      computedCost: '0.01',
      requests: 0,
      inputTokens: 1_000,
      outputTokens: 200,
    })
    const byModelAndKey = { ...answers.byModelAndKey, breakdown: [...answers.byModelAndKey.breakdown, haiku] }
    const { user } = openAnalytics('/analytics', {
      ...costRoutes(LAST_30_DAYS, { byModelAndKey: { status: 200, body: byModelAndKey } }),
    })
    await totalCost()

    expect(within(rowOf('claude-haiku-4-5')).getByTestId('row-requests')).toHaveTextContent(/^not reported$/)
    expect(within(rowOf('gpt-5')).getByTestId('row-requests')).toHaveTextContent(/^80$/)
    expect(screen.getByTestId('analytics-requests')).toHaveTextContent(/^205$/)
    expect(screen.getByText('Plus usage whose provider reports no request count.')).toBeInTheDocument()
    expect(screen.getByTestId('total-row-requests')).toHaveTextContent('205plus not reported')

    // Sorted by requests, the row without a count goes last either way.
    const table = screen.getByTestId('cost-table')
    await user.click(within(table).getByRole('button', { name: 'Requests' }))
    expect(rows().at(-1)?.dataset.model).toBe('claude-haiku-4-5')
    await user.click(within(table).getByRole('button', { name: 'Requests' }))
    expect(rows().at(-1)?.dataset.model).toBe('claude-haiku-4-5')
  })

  it('says the requests are not reported when no usage of the range has a count', async () => {
    const answers = costAnswers(LAST_30_DAYS)
    const haiku = breakdownRow({ model: 'claude-haiku-4-5', keyId: PRODUCTION_KEY, requests: 0, inputTokens: 1_000 })
    const byModelAndKey = {
      ...answers.byModelAndKey,
      total: { ...answers.byModelAndKey.total, requests: 0 },
      breakdown: [haiku],
    }
    openAnalytics('/analytics', costRoutes(LAST_30_DAYS, { byModelAndKey: { status: 200, body: byModelAndKey } }))
    await totalCost()

    expect(screen.getByTestId('analytics-requests')).toHaveTextContent(/^not reported$/)
    expect(screen.getByTestId('total-row-requests')).toHaveTextContent(/^not reported$/)
    expect(screen.getByText('The provider’s usage report carries no request count.')).toBeInTheDocument()
  })

  it('marks where the reported cost differs from the computed one, showing both', async () => {
    openAnalytics()
    await totalCost()

    const sonnet = rowOf('claude-sonnet-4')
    expect(within(sonnet).getByTestId('cost-differs')).toHaveTextContent('Reported ≠ computed')
    expect(within(sonnet).getByTestId('cost-differs-detail')).toHaveTextContent('Reported $8.00, computed $7.90')
    expect(within(rowOf('gpt-5')).queryByTestId('cost-differs')).not.toBeInTheDocument()

    const totalMarker = screen.getByTestId('total-cost-differs')
    expect(totalMarker).toHaveAttribute('title', expect.stringContaining('Reported $12.34, computed $12.24'))
    expect(totalMarker.parentElement).toHaveTextContent('Reported $12.34, computed $12.24')
  })

  it('ends the table with a totals row equal to the total', async () => {
    openAnalytics()
    const total = await totalCost()

    const totals = screen.getByTestId('cost-total-row')
    expect(within(totals).getByTestId('total-row-cost').textContent).toBe(total.textContent)
    expect(within(totals).getAllByRole('cell').map((cell) => cell.textContent).slice(3)).toEqual([
      '205',
      '70,100',
      '2,000',
      '1,000',
      '35,000',
      '21,050',
      '3,000',
    ])
    // The rows add up to it exactly (in cents, never floats).
    const rowCosts = rows()
      .map((row) => within(row).getByTestId('row-cost').textContent!)
      .filter((text) => text !== 'unknown')
      .map((text) => text.replace('$', ''))
    expect(sumCents(rowCosts)).toBe(1234)
  })

  it('sorts by cost, unknown costs last either way, and by the other columns', async () => {
    const { user } = openAnalytics()
    await totalCost()
    const order = () => rows().map((row) => row.dataset.model)
    const table = screen.getByTestId('cost-table')
    const costHeader = within(table).getByRole('columnheader', { name: 'Cost' })
    expect(costHeader).toHaveAttribute('aria-sort', 'descending')

    await user.click(within(costHeader).getByRole('button'))
    expect(costHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(order()).toEqual(['gpt-5', 'claude-sonnet-4', 'mystery-model'])

    await user.click(within(table).getByRole('button', { name: 'Model' }))
    expect(order()).toEqual(['claude-sonnet-4', 'gpt-5', 'mystery-model'])
    expect(costHeader).not.toHaveAttribute('aria-sort')

    await user.click(within(table).getByRole('button', { name: 'Requests' }))
    expect(order()).toEqual(['claude-sonnet-4', 'gpt-5', 'mystery-model'])
    await user.click(within(table).getByRole('button', { name: 'Requests' }))
    expect(order()).toEqual(['mystery-model', 'gpt-5', 'claude-sonnet-4'])
  })

  it('asks for the right days when switching presets, and keeps the choice in the address', async () => {
    const { api, user, router } = openAnalytics('/analytics', {
      ...costRoutes(LAST_30_DAYS),
      ...costRoutes(LAST_7_DAYS),
    })
    await totalCost()
    expect(screen.getByRole('radio', { name: '30 days' })).toBeChecked()

    await user.click(screen.getByRole('radio', { name: '7 days' }))
    await waitFor(() => expect(api.callsTo(`GET ${costPath(LAST_7_DAYS, 'model,key')}`)).toHaveLength(1))
    expect(api.callsTo(`GET ${costPath(LAST_7_DAYS, 'provider')}`)).toHaveLength(1)
    expect(api.callsTo(`GET ${costPath(LAST_7_DAYS, 'model')}`)).toHaveLength(1)
    expect(router.state.location.search).toBe('?range=7d')
    expect(screen.getByRole('radio', { name: '7 days' })).toBeChecked()
    expect(await totalCost()).toHaveTextContent('$12.34')

    // A range seen a moment ago comes back from the cache at once, without asking again.
    await user.click(screen.getByRole('radio', { name: '30 days' }))
    expect(router.state.location.search).toBe('?range=30d')
    expect(await totalCost()).toHaveTextContent('$12.34')
    expect(screen.queryByText(/Loading the chosen range/)).not.toBeInTheDocument()
    expect(api.callsTo(`GET ${costPath(LAST_30_DAYS, 'model,key')}`)).toHaveLength(1)
  })

  it('keeps the last range shown, marked as loading, while the chosen one loads; an answer for a range left behind never shows', async () => {
    const { api, user, queryClient } = openAnalytics('/analytics', {
      ...costRoutes(LAST_30_DAYS),
      ...costRoutes(LAST_7_DAYS, {
        byModelAndKey: { status: 200, body: { ...costAnswers(LAST_7_DAYS).byModelAndKey, breakdown: [] } },
      }),
    })
    // The 7-day answer by model and key (no usage) is held back until the test lets it go.
    let releaseSevenDays = () => {}
    const sevenDaysHeld = new Promise<void>((resolve) => (releaseSevenDays = resolve))
    const answer = api.fetchMock.getMockImplementation()!
    api.fetchMock.mockImplementation(async (input, init) => {
      if (String(input) === costPath(LAST_7_DAYS, 'model,key')) await sevenDaysHeld
      return answer(input, init)
    })
    await totalCost()

    await user.click(screen.getByRole('radio', { name: '7 days' }))
    expect(await screen.findByText(/Loading the chosen range/)).toBeInTheDocument()
    expect(screen.getByTestId('analytics-total-cost')).toHaveTextContent('$12.34')
    expect(screen.getByTestId('cost-table').closest('[aria-busy]')).toHaveAttribute('aria-busy', 'true')
    // The daily chart still spans the days its figures are for.
    expect(within(screen.getByRole('table', { name: 'Daily cost' })).getAllByRole('row')).toHaveLength(31)

    // Back to 30 days before the 7-day answer is in: that answer, when it comes, is not shown.
    await user.click(screen.getByRole('radio', { name: '30 days' }))
    expect(screen.queryByText(/Loading the chosen range/)).not.toBeInTheDocument()
    releaseSevenDays()
    // The answer has arrived and is kept under its own range...
    await waitFor(() =>
      expect(queryClient.getQueryState(analyticsKeys.costAnalysis(LAST_7_DAYS))?.status).toBe('success'),
    )
    // ...and not shown under the range on screen.
    expect(screen.queryByText('No usage in this range yet')).not.toBeInTheDocument()
    expect(screen.getByTestId('analytics-total-cost')).toHaveTextContent('$12.34')
  })

  it('works from the keyboard: arrow keys between presets, Enter on a column heading', async () => {
    const { api, user } = openAnalytics('/analytics', { ...costRoutes(LAST_30_DAYS), ...costRoutes(LAST_7_DAYS) })
    await totalCost()

    screen.getByRole('radio', { name: '30 days' }).focus()
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByRole('radio', { name: '7 days' })).toBeChecked()
    await waitFor(() => expect(api.callsTo(`GET ${costPath(LAST_7_DAYS, 'model,key')}`)).toHaveLength(1))

    const table = await screen.findByTestId('cost-table')
    within(table).getByRole('button', { name: 'Cost' }).focus()
    await user.keyboard('{Enter}')
    expect(within(table).getByRole('columnheader', { name: 'Cost' })).toHaveAttribute('aria-sort', 'ascending')
  })

  it('checks a custom range and shows each message beside its field, without asking the API', async () => {
    const { api, user } = openAnalytics()
    await totalCost()
    const callsBefore = api.calls.length

    await user.click(screen.getByRole('radio', { name: 'Custom' }))
    const form = screen.getByRole('form', { name: 'Custom range' })
    const from = within(form).getByLabelText('From')
    const to = within(form).getByLabelText('To')
    expect(from).toHaveValue(LAST_30_DAYS.from)
    expect(to).toHaveValue(LAST_30_DAYS.to)
    expect(to).toHaveAttribute('max', '2026-03-15')
    const apply = within(form).getByRole('button', { name: 'Apply' })

    fireEvent.change(from, { target: { value: '2026-03-20' } })
    await user.click(apply)
    expect(from).toHaveAttribute('aria-invalid', 'true')
    expect(describedText(from)).toBe('The start date is in the future; choose today or earlier')
    expect(from).toHaveFocus()

    fireEvent.change(from, { target: { value: '2026-03-10' } })
    expect(from).not.toHaveAttribute('aria-invalid')
    fireEvent.change(to, { target: { value: '2026-03-01' } })
    await user.click(apply)
    expect(describedText(to)).toBe('The end date must be on or after the start date')
    expect(from).not.toHaveAttribute('aria-invalid')

    fireEvent.change(from, { target: { value: '2025-01-01' } })
    await user.click(apply)
    expect(describedText(from)).toBe('Choose at most 400 days; this range has 425')

    fireEvent.change(from, { target: { value: '' } })
    fireEvent.change(to, { target: { value: '2026-03-16' } })
    await user.click(apply)
    expect(describedText(from)).toBe('Choose a start date')
    expect(describedText(to)).toBe('The end date is in the future; choose today or earlier')

    expect(api.calls.length).toBe(callsBefore)
  })

  it('applies a valid custom range, and a reload shows the same days', async () => {
    const custom = { from: '2026-02-01', to: '2026-02-10' }
    const { api, user, router } = openAnalytics('/analytics', { ...costRoutes(LAST_30_DAYS), ...costRoutes(custom) })
    await totalCost()

    await user.click(screen.getByRole('radio', { name: 'Custom' }))
    fireEvent.change(screen.getByLabelText('From'), { target: { value: custom.from } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: custom.to } })
    await user.click(screen.getByRole('button', { name: 'Apply' }))

    await waitFor(() => expect(api.callsTo(`GET ${costPath(custom, 'model,key')}`)).toHaveLength(1))
    const address = `${router.state.location.pathname}${router.state.location.search}`
    expect(address).toBe('/analytics?from=2026-02-01&to=2026-02-10')

    // A reload starts the app afresh at the same address.
    cleanup()
    const reloaded = openAnalytics(address, costRoutes(custom))
    expect(await totalCost()).toHaveTextContent('$12.34')
    expect(reloaded.api.callsTo(`GET ${costPath(custom, 'model,key')}`)).toHaveLength(1)
    expect(screen.getByRole('radio', { name: 'Custom' })).toBeChecked()
    expect(screen.getByLabelText('From')).toHaveValue(custom.from)
    expect(screen.getByLabelText('To')).toHaveValue(custom.to)
  })

  it('opens on the preset the address names', async () => {
    const { api } = openAnalytics('/analytics?range=7d', costRoutes(LAST_7_DAYS))

    await totalCost()
    expect(screen.getByRole('radio', { name: '7 days' })).toBeChecked()
    expect(api.callsTo(`GET ${costPath(LAST_7_DAYS, 'model,key')}`)).toHaveLength(1)
  })

  it('shows the last 30 days when the address holds a range that is not valid, and says why', async () => {
    openAnalytics('/analytics?from=2026-03-10&to=2026-03-01')

    await totalCost()
    expect(screen.getByRole('radio', { name: 'Custom' })).toBeChecked()
    expect(describedText(screen.getByLabelText('To'))).toBe('The end date must be on or after the start date')
    expect(screen.getByTestId('range-text')).toHaveTextContent('Showing the last 30 days')
  })

  it('says there is no usage yet and points to the API Keys page', async () => {
    openAnalytics('/analytics', {
      [`GET ${costPath(LAST_30_DAYS, 'model,key')}`]: { status: 200, body: emptyAnswer(LAST_30_DAYS, ['model', 'key']) },
      [`GET ${costPath(LAST_30_DAYS, 'provider')}`]: { status: 200, body: emptyAnswer(LAST_30_DAYS, ['provider']) },
      [`GET ${costPath(LAST_30_DAYS, 'model')}`]: { status: 200, body: emptyAnswer(LAST_30_DAYS, ['model']) },
    })

    expect(await screen.findByRole('heading', { name: 'No usage in this range yet' })).toBeInTheDocument()
    expect(screen.getByText(/Admin key/)).toHaveTextContent(/post observations/)
    expect(screen.getByRole('link', { name: 'Go to API Keys' })).toHaveAttribute('href', '/api-keys')
    expect(screen.queryByTestId('cost-table')).not.toBeInTheDocument()
  })

  it('says plainly when the API is down and loads again on Retry', async () => {
    const { user } = openAnalytics(
      '/analytics',
      costRoutes(LAST_30_DAYS, {
        // A network failure is tried once more before the page gives up on it.
        byModelAndKey: ['network-down', 'network-down', { status: 200, body: costAnswers(LAST_30_DAYS).byModelAndKey }],
      }),
    )

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Analytics could not be loaded')
    expect(alert).toHaveTextContent('Quotah is not reachable')
    expect(screen.queryByTestId('cost-table')).not.toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await totalCost()).toHaveTextContent('$12.34')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('does not guess when an answer breaks the contract (money as a number)', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    openAnalytics('/analytics', costRoutes(LAST_30_DAYS, {
      byProvider: { status: 200, body: { ...emptyAnswer(LAST_30_DAYS, ['provider']), total: { cost: 12.34 } } },
    }))

    expect(await screen.findByRole('alert')).toHaveTextContent('does not understand')
    expect(consoleError).toHaveBeenCalled()
  })
})

describe('CSV export', () => {
  const saved: { href: string; download: string }[] = []

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
    saved.length = 0
    // jsdom has no object URLs and cannot download: record what the browser would be asked to save.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:quotah/export-1'), revokeObjectURL: vi.fn() })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download })
    })
  })
  afterEach(() => vi.useRealTimers())

  const csv = 'model,key,cost\nclaude-sonnet-4,Production,8.00\n'
  const csvReply: MockReply = {
    status: 200,
    text: csv,
    headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="quotah-cost-2026-03-09-2026-03-15.csv"' },
  }
  const exportPath = (range: { from: string; to: string }) =>
    `/api/analytics/export.csv?from=${range.from}&to=${range.to}&groupBy=model,key`

  it('downloads the current view with the token, named as the server says', async () => {
    const { api, user } = openAnalytics('/analytics?range=7d', {
      ...costRoutes(LAST_7_DAYS),
      [`GET ${exportPath(LAST_7_DAYS)}`]: csvReply,
    })
    await totalCost()

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))

    await waitFor(() => expect(saved).toHaveLength(1))
    const [call] = api.callsTo(`GET ${exportPath(LAST_7_DAYS)}`)
    expect(call.headers.get('Authorization')).toBe('Bearer session-token')
    expect(saved[0]).toEqual({ href: 'blob:quotah/export-1', download: 'quotah-cost-2026-03-09-2026-03-15.csv' })
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0][0] as Blob
    expect(await blob.text()).toBe(csv)
    expect(await screen.findByRole('status')).toHaveTextContent('quotah-cost-2026-03-09-2026-03-15.csv')
  })

  it('names the file after the range when the server does not', async () => {
    const { user } = openAnalytics('/analytics', {
      ...costRoutes(LAST_30_DAYS),
      [`GET ${exportPath(LAST_30_DAYS)}`]: { status: 200, text: csv, headers: { 'Content-Type': 'text/csv' } },
    })
    await totalCost()

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0].download).toBe('quotah-cost-2026-02-14-to-2026-03-15.csv')
  })

  it('says why an export failed', async () => {
    const { user } = openAnalytics('/analytics', {
      ...costRoutes(LAST_30_DAYS),
      [`GET ${exportPath(LAST_30_DAYS)}`]: { status: 503 },
    })
    await totalCost()

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The CSV could not be exported')
    expect(alert).toHaveTextContent('Quotah is not reachable')
    expect(saved).toHaveLength(0)
  })
})
