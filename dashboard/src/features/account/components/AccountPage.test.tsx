import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { getAccessToken } from '@/lib/token-store'
import { ada, mockApi, noRateLimits, tokens, type MockReply } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

function describedText(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

function openAccountPage(routes: Record<string, MockReply | MockReply[]> = {}) {
  const api = mockApi({
    'POST /api/auth/refresh': tokens('session-token'),
    'GET /api/auth/me': { status: 200, body: ada },
    ...routes,
  })
  return { api, ...renderApp('/account') }
}

async function openCloseDialog(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Close account…' }))
  return screen.getByRole('alertdialog', { name: 'Close your account?' })
}

describe('account page', () => {
  it('is reached from the user menu and shows the account', async () => {
    mockApi({
      'POST /api/auth/refresh': tokens('session-token'),
      'GET /api/auth/me': { status: 200, body: ada },
      'GET /api/multi/rate-limits': noRateLimits,
    })
    const { user, currentPath } = renderApp('/')

    await user.click(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' }))
    await user.click(screen.getByRole('link', { name: 'Account settings' }))

    expect(await screen.findByRole('heading', { name: 'Account', level: 1 })).toBeInTheDocument()
    expect(currentPath()).toBe('/account')
    expect(document.title).toBe('Account · Quotah')
    expect(screen.getByTestId('account-name')).toHaveTextContent('Ada Lovelace')
    expect(screen.getByTestId('account-email')).toHaveTextContent('ada@example.com')
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument()
  })

  it('closes the account only once its email is typed, without calling the API before', async () => {
    const { api, user } = openAccountPage()
    const dialog = await openCloseDialog(user)

    const email = within(dialog).getByLabelText('Type your email address to confirm')
    expect(email).toHaveFocus()
    await user.type(email, 'someone@example.com')
    await user.type(within(dialog).getByLabelText('Password'), 'correct horse battery')
    await user.click(within(dialog).getByRole('button', { name: 'Close account' }))

    // The resolver checks asynchronously: the messages show a moment after the click.
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(describedText(email)).toContain('Type ada@example.com exactly')
    expect(email).toHaveFocus()
    expect(api.callsTo('DELETE /api/auth/me')).toHaveLength(0)

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(api.callsTo('DELETE /api/auth/me')).toHaveLength(0)
  })

  it('says so under the password when it is not the account’s, and keeps the account', async () => {
    const { api, user, currentPath } = openAccountPage({
      'DELETE /api/auth/me': {
        status: 403,
        body: { title: 'Forbidden', status: 403, detail: "The password is not this account's password" },
      },
    })
    const dialog = await openCloseDialog(user)

    await user.type(within(dialog).getByLabelText('Type your email address to confirm'), ' ADA@example.com ')
    await user.type(within(dialog).getByLabelText('Password'), 'not the password')
    await user.click(within(dialog).getByRole('button', { name: 'Close account' }))

    const password = within(dialog).getByLabelText('Password')
    expect(await within(dialog).findByText('This is not the password of this account')).toBeInTheDocument()
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(describedText(password)).toContain('This is not the password of this account')
    expect(password).toHaveFocus()
    expect(api.callsTo('DELETE /api/auth/me')[0].body).toEqual({ password: 'not the password' })
    expect(currentPath()).toBe('/account')
    expect(getAccessToken()).toBe('session-token')
  })

  it('puts a server 400 field error under its field and any other refusal in a banner', async () => {
    const { user } = openAccountPage({
      'DELETE /api/auth/me': [
        {
          status: 400,
          body: {
            title: 'Bad Request',
            status: 400,
            detail: 'password is required',
            errors: [{ field: 'password', message: 'is required' }],
          },
        },
        'network-down',
      ],
    })
    const dialog = await openCloseDialog(user)

    await user.type(within(dialog).getByLabelText('Type your email address to confirm'), 'ada@example.com')
    await user.type(within(dialog).getByLabelText('Password'), 'correct horse battery')
    await user.click(within(dialog).getByRole('button', { name: 'Close account' }))

    expect(await within(dialog).findByText('is required')).toBeInTheDocument()
    expect(describedText(within(dialog).getByLabelText('Password'))).toContain('is required')

    await user.click(within(dialog).getByRole('button', { name: 'Close account' }))
    expect(await within(dialog).findByText(/Quotah is not reachable/)).toBeInTheDocument()
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The account was not closed')
  })

  it('closes the account, signs out and says the account and its data are gone', async () => {
    const { api, user, currentPath } = openAccountPage({
      'DELETE /api/auth/me': { status: 204 },
      'POST /api/auth/logout': { status: 204 },
    })
    const dialog = await openCloseDialog(user)

    await user.type(within(dialog).getByLabelText('Type your email address to confirm'), 'ada@example.com')
    await user.type(within(dialog).getByLabelText('Password'), 'correct horse battery')
    await user.click(within(dialog).getByRole('button', { name: 'Close account' }))

    expect(await screen.findByRole('heading', { name: 'Your account is closed' })).toBeInTheDocument()
    expect(screen.getByText(/account and its data are gone/)).toBeInTheDocument()
    expect(currentPath()).toBe('/account-closed')
    const [deleted] = api.callsTo('DELETE /api/auth/me')
    expect(deleted.body).toEqual({ password: 'correct horse battery' })
    expect(deleted.headers.get('Authorization')).toBe('Bearer session-token')
    expect(screen.getByRole('link', { name: 'Create a new account' })).toHaveAttribute('href', '/register')
    await expect.poll(() => getAccessToken()).toBeNull()
    expect(api.callsTo('POST /api/auth/logout')).toHaveLength(1)
    expect(currentPath()).toBe('/account-closed')
  })

  it('sends a signed-in user who did not just close their account from /account-closed to the dashboard', async () => {
    mockApi({
      'POST /api/auth/refresh': tokens('session-token'),
      'GET /api/auth/me': { status: 200, body: ada },
      'GET /api/multi/rate-limits': noRateLimits,
    })
    const { currentPath } = renderApp('/account-closed')

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument()
    expect(currentPath()).toBe('/')
    expect(getAccessToken()).toBe('session-token')
  })
})
