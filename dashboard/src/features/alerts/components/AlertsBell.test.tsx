import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ada, mockApi, noRateLimits, tokens, type MockReply } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

const COUNT = 'GET /api/alerts/unacknowledged-count'

function openDashboard(count: MockReply | (() => MockReply)) {
  const api = mockApi({
    'POST /api/auth/refresh': tokens('session-token'),
    'GET /api/auth/me': { status: 200, body: ada },
    'GET /api/multi/rate-limits': noRateLimits,
    [COUNT]: count,
  })
  return { api, ...renderApp('/') }
}

describe('alerts bell', () => {
  it('shows the unacknowledged count on every page and links to /alerts', async () => {
    const { api } = openDashboard({ status: 200, body: { count: 3 } })

    const bell = await screen.findByRole('link', { name: 'Alerts, 3 unacknowledged' })
    expect(bell).toHaveAttribute('href', '/alerts')
    expect(within(bell).getByText('3')).toBeInTheDocument()
    expect(screen.getByTestId('alerts-bell')).toBe(bell)
    expect(api.callsTo(COUNT)[0].headers.get('Authorization')).toBe('Bearer session-token')
  })

  it('shows no badge when nothing waits, and 99+ past 99', async () => {
    let count = 0
    openDashboard(() => ({ status: 200, body: { count } }))

    const quiet = await screen.findByRole('link', { name: 'Alerts, none unacknowledged' })
    expect(quiet).toHaveTextContent('')

    count = 120
    fireEvent.focus(window)
    const busy = await screen.findByRole('link', { name: 'Alerts, 120 unacknowledged' })
    expect(busy).toHaveTextContent('99+')
  })

  it('asks again when the window regains focus', async () => {
    let count = 1
    const { api } = openDashboard(() => ({ status: 200, body: { count } }))
    await screen.findByRole('link', { name: 'Alerts, 1 unacknowledged' })

    count = 4
    fireEvent.focus(window)

    expect(await screen.findByRole('link', { name: 'Alerts, 4 unacknowledged' })).toBeInTheDocument()
    await waitFor(() => expect(api.callsTo(COUNT).length).toBeGreaterThanOrEqual(2))
  })

  it('is just "Alerts" while the count cannot be had, and the page still works', async () => {
    openDashboard('network-down')

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument()
    const bell = screen.getByTestId('alerts-bell')
    expect(bell).toHaveAccessibleName('Alerts')
    expect(bell).toHaveAttribute('href', '/alerts')
  })
})
