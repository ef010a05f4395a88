import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ada, mockApi, noRateLimits, noSession, tokens } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

describe('routes', () => {
  it('sends a visitor without a session from a protected page to /login', async () => {
    mockApi({ 'POST /api/auth/refresh': noSession })
    const { currentPath } = renderApp('/api-keys')

    expect(await screen.findByRole('heading', { name: 'Sign in to Quotah' })).toBeInTheDocument()
    expect(currentPath()).toBe('/login')
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()
  })

  it('restores the session from the refresh cookie and renders the shell', async () => {
    const api = mockApi({
      'POST /api/auth/refresh': tokens('restored-token'),
      'GET /api/auth/me': { status: 200, body: ada },
      'GET /api/multi/rate-limits': noRateLimits,
    })
    const { currentPath } = renderApp('/')

    expect(screen.getByRole('status')).toHaveTextContent('Restoring your session')
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    for (const label of ['Dashboard', 'API Keys', 'Analytics', 'Alerts']) {
      expect(within(nav).getByRole('link', { name: label })).toBeInTheDocument()
    }
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('button', { name: 'Account menu for Ada Lovelace' })).toBeInTheDocument()
    expect(await within(screen.getByRole('main')).findByText('No API keys yet')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /Add an API key/ })).toHaveAttribute('href', '/api-keys')
    expect(currentPath()).toBe('/')
    expect(api.callsTo('POST /api/auth/refresh')).toHaveLength(1)
    expect(api.callsTo('GET /api/auth/me')[0].headers.get('Authorization')).toBe('Bearer restored-token')
  })

  it('keeps a signed-in user away from /login', async () => {
    mockApi({
      'POST /api/auth/refresh': tokens('restored-token'),
      'GET /api/auth/me': { status: 200, body: ada },
      'GET /api/multi/rate-limits': noRateLimits,
    })
    const { currentPath } = renderApp('/login')

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument()
    expect(currentPath()).toBe('/')
  })

  it('serves the Alerts page at /alerts, with its own title', async () => {
    mockApi({
      'POST /api/auth/refresh': tokens('restored-token'),
      'GET /api/auth/me': { status: 200, body: ada },
      'GET /api/alerts/configs': { status: 200, body: [] },
      'GET /api/alerts?page=0&size=20': { status: 200, body: { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 } },
      'GET /api/api-keys': { status: 200, body: [] },
    })
    renderApp('/alerts')

    expect(await screen.findByRole('heading', { name: 'Alerts', level: 1 })).toBeInTheDocument()
    expect(await screen.findByText('No alert rules yet')).toBeInTheDocument()
    expect(document.title).toBe('Alerts · Quotah')
  })

  it('shows a 404 page for an unknown address', async () => {
    mockApi({ 'POST /api/auth/refresh': noSession })
    renderApp('/no-such-page')

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(document.title).toBe('Page not found · Quotah')
  })
})
