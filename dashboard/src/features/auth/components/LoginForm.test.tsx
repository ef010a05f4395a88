import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { getAccessToken } from '@/lib/token-store'
import { ada, mockApi, noSession, tokens } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

function describedText(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

async function openLoginPage() {
  const app = renderApp('/login')
  await screen.findByRole('heading', { name: 'Sign in to Quotah' })
  return app
}

describe('login form', () => {
  it('shows an error beside each invalid field and does not call the login API', async () => {
    const api = mockApi({ 'POST /api/auth/refresh': noSession })
    const { user } = await openLoginPage()

    await user.type(screen.getByLabelText('Email'), 'not-an-email')
    await user.type(screen.getByLabelText('Password'), 'short')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    const email = screen.getByLabelText('Email')
    const password = screen.getByLabelText('Password')
    // The resolver checks asynchronously: the messages show a moment after the click.
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(describedText(email)).toMatch(/valid email address/)
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(describedText(password)).toMatch(/at least 12 characters/)
    expect(email).toHaveFocus()
    expect(api.callsTo('POST /api/auth/login')).toHaveLength(0)
  })

  it('keeps the token in memory only and opens the dashboard after signing in', async () => {
    const api = mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/login': tokens('access-token-from-login'),
      'GET /api/auth/me': { status: 200, body: ada },
    })
    const { user, currentPath } = await openLoginPage()

    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument()
    expect(currentPath()).toBe('/')
    expect(api.callsTo('POST /api/auth/login')[0].body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
    })
    expect(api.callsTo('GET /api/auth/me')[0].headers.get('Authorization')).toBe(
      'Bearer access-token-from-login',
    )
    expect(getAccessToken()).toBe('access-token-from-login')
    const stored = [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => storage.getItem(key)),
    )
    expect(stored.join()).not.toContain('access-token-from-login')
  })

  it('shows "Wrong email or password" from a 401 and stays on the page', async () => {
    mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/login': {
        status: 401,
        body: { title: 'Unauthorized', status: 401, detail: 'Wrong email or password' },
      },
    })
    const { user, currentPath } = await openLoginPage()

    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'not the right one')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password')
    expect(currentPath()).toBe('/login')
    expect(getAccessToken()).toBeNull()
  })

  it('shows the lock-out detail from a 423', async () => {
    const detail = 'Too many failed attempts: this account is locked for a while'
    mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/login': { status: 423, body: { title: 'Locked', status: 423, detail } },
    })
    const { user } = await openLoginPage()

    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'not the right one')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(detail)
  })

  it('says Quotah is not reachable when the network is down', async () => {
    mockApi({ 'POST /api/auth/refresh': 'network-down', 'POST /api/auth/login': 'network-down' })
    const { user } = await openLoginPage()

    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Quotah is not reachable')
  })

  it('returns to the page the user first asked for', async () => {
    mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/login': tokens('access-token'),
      'GET /api/auth/me': { status: 200, body: ada },
    })
    const { user, currentPath } = renderApp('/alerts')

    await screen.findByRole('heading', { name: 'Sign in to Quotah' })
    expect(currentPath()).toBe('/login')
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Alerts' })).toBeInTheDocument()
    expect(currentPath()).toBe('/alerts')
  })

  it('shows a generic error, not a crash, when the answer is malformed', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/login': { status: 200, body: { unexpected: 'shape' } },
    })
    const { user, currentPath } = await openLoginPage()

    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong')
    expect(currentPath()).toBe('/login')
    expect(getAccessToken()).toBeNull()
    expect(consoleError).toHaveBeenCalled()
  })
})
