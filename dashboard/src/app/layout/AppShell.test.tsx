import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { getAccessToken } from '@/lib/token-store'
import { ada, mockApi, noRateLimits, tokens } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

function signedInApi(extra = {}) {
  return mockApi({
    'POST /api/auth/refresh': tokens('session-token'),
    'GET /api/auth/me': { status: 200, body: ada },
    'GET /api/multi/rate-limits': noRateLimits,
    'GET /api/alerts/configs': { status: 200, body: [] },
    'GET /api/alerts?page=0&size=20': { status: 200, body: { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 } },
    'GET /api/api-keys': { status: 200, body: [] },
    ...extra,
  })
}

describe('app shell', () => {
  it('shows the user in the menu, and logging out clears the token and returns to /login', async () => {
    const api = signedInApi({ 'POST /api/auth/logout': { status: 204 } })
    const { user, currentPath } = renderApp('/')

    await user.click(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' }))
    expect(screen.getByText('ada@example.com')).toBeInTheDocument()
    expect(getAccessToken()).toBe('session-token')

    await user.click(screen.getByRole('button', { name: 'Log out' }))

    expect(await screen.findByRole('heading', { name: 'Sign in to Quotah' })).toBeInTheDocument()
    expect(currentPath()).toBe('/login')
    expect(getAccessToken()).toBeNull()
    expect(api.callsTo('POST /api/auth/logout')).toHaveLength(1)
  })

  it('still signs out locally when the logout request fails', async () => {
    signedInApi({ 'POST /api/auth/logout': 'network-down' })
    const { user, currentPath } = renderApp('/')

    await user.click(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' }))
    await user.click(screen.getByRole('button', { name: 'Log out' }))

    expect(await screen.findByRole('heading', { name: 'Sign in to Quotah' })).toBeInTheDocument()
    expect(currentPath()).toBe('/login')
    expect(getAccessToken()).toBeNull()
  })

  it('closes the user menu with Escape and puts focus back on its button', async () => {
    signedInApi()
    const { user } = renderApp('/')

    const menuButton = await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' })
    await user.click(menuButton)
    expect(menuButton).toHaveAttribute('aria-expanded', 'true')

    await user.keyboard('{Escape}')

    expect(menuButton).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument()
    expect(menuButton).toHaveFocus()
  })

  it('opens the navigation drawer from the menu button and navigates from it', async () => {
    signedInApi()
    const { user, currentPath } = renderApp('/')

    await user.click(await screen.findByRole('button', { name: 'Open navigation' }))
    const drawer = screen.getByRole('dialog', { name: 'Navigation' })
    await user.click(within(drawer).getByRole('link', { name: 'Alerts' }))

    expect(currentPath()).toBe('/alerts')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'Alerts', level: 1 })).toBeInTheDocument()
  })

  it('closes the navigation drawer with Escape', async () => {
    signedInApi()
    const { user } = renderApp('/')

    const openButton = await screen.findByRole('button', { name: 'Open navigation' })
    await user.click(openButton)
    await user.keyboard('{Escape}')

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(openButton).toHaveFocus()
  })

  it('offers a skip link to the main landmark', async () => {
    signedInApi()
    renderApp('/')

    const skipLink = await screen.findByRole('link', { name: 'Skip to main content' })
    expect(skipLink).toHaveAttribute('href', '#main-content')
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content')
  })
})
