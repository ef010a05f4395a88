import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { getAccessToken } from '@/lib/token-store'
import { ada, mockApi, noSession, tokens } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

function describedText(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

async function fillAndSubmit(
  user: ReturnType<typeof renderApp>['user'],
  { displayName = 'Ada Lovelace', email = 'ada@example.com', password = 'correct horse battery' } = {},
) {
  await screen.findByRole('heading', { name: 'Create your Quotah account' })
  if (displayName) await user.type(screen.getByLabelText('Display name'), displayName)
  if (email) await user.type(screen.getByLabelText('Email'), email)
  if (password) await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Create account' }))
}

describe('register form', () => {
  it('puts a server 400 field error beside the field it names', async () => {
    mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/register': {
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: 'The request has invalid fields',
          errors: [{ field: 'password', message: 'must not be a commonly used password' }],
        },
      },
    })
    const { user } = renderApp('/register')

    await fillAndSubmit(user)

    const password = screen.getByLabelText('Password')
    expect(await screen.findByText('must not be a commonly used password')).toBeInTheDocument()
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(describedText(password)).toContain('must not be a commonly used password')
    expect(password).toHaveFocus()
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid')
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields')
  })

  it('shows the 409 detail when the email is already registered', async () => {
    mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/register': {
        status: 409,
        body: { title: 'Conflict', status: 409, detail: 'An account with this email already exists' },
      },
    })
    const { user, currentPath } = renderApp('/register')

    await fillAndSubmit(user)

    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this email already exists')
    expect(currentPath()).toBe('/register')
  })

  it('checks every field before calling the API', async () => {
    const api = mockApi({ 'POST /api/auth/refresh': noSession })
    const { user } = renderApp('/register')

    await fillAndSubmit(user, { displayName: '', email: 'ada@example.com', password: 'ada@example.com' })

    // The resolver checks asynchronously: the messages show a moment after the click.
    await waitFor(() => expect(describedText(screen.getByLabelText('Display name'))).toContain('Enter a display name'))
    expect(describedText(screen.getByLabelText('Password'))).toContain('must not be the same as your email')
    expect(api.callsTo('POST /api/auth/register')).toHaveLength(0)
  })

  it('creates the account, signs in and opens the dashboard', async () => {
    const api = mockApi({
      'POST /api/auth/refresh': noSession,
      'POST /api/auth/register': { status: 201, body: ada },
      'POST /api/auth/login': tokens('fresh-token'),
      'GET /api/auth/me': { status: 200, body: ada },
    })
    const { user, currentPath } = renderApp('/register')

    await fillAndSubmit(user)

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument()
    expect(currentPath()).toBe('/')
    expect(api.callsTo('POST /api/auth/register')[0].body).toEqual({
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'correct horse battery',
    })
    expect(getAccessToken()).toBe('fresh-token')
  })
})
