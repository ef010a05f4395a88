import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ApiKey } from '@/features/api-keys/types/api-key'
import { ada, mockApi, tokens, type MockReply } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

function apiKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    provider: 'ANTHROPIC',
    label: 'Production',
    maskedKey: 'sk-ant-…abcd',
    maskedAdminKey: null,
    probing: true,
    pollIntervalSeconds: 60,
    status: 'HEALTHY',
    statusReason: null,
    lastPolledAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    lastSuccessAt: null,
    lastError: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  }
}

const production = apiKey()
const ci = apiKey({
  id: '22222222-2222-4222-8222-222222222222',
  provider: 'OPENAI',
  label: 'CI',
  maskedKey: 'sk-proj-…wxyz',
  status: 'INVALID',
  statusReason: 'Incorrect API key provided',
  lastError: '401 from OpenAI',
  lastPolledAt: null,
})

function openPage(routes: Record<string, MockReply | MockReply[]>) {
  const api = mockApi({
    'POST /api/auth/refresh': tokens('session-token'),
    'GET /api/auth/me': { status: 200, body: ada },
    ...routes,
  })
  return { api, ...renderApp('/api-keys') }
}

function describedText(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

/** The row (or phone card) of the key labelled `label`, once it is shown. */
function rowFor(label: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen
      .queryAllByTestId('api-key-row')
      .find((candidate) => within(candidate).queryByText(label, { exact: true }))
    if (!row) throw new Error(`No row for ${label}`)
    return row
  })
}

async function openAddDialog(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: /Add (key|your first key)/ }))
  return screen.getByRole('dialog', { name: 'Add an API key' })
}

describe('API keys page', () => {
  it('lists each key with its provider, masked key, status badge and last poll', async () => {
    const { api } = openPage({ 'GET /api/api-keys': { status: 200, body: [production, ci] } })

    const table = await screen.findByRole('table', { name: 'API keys' })
    expect(within(table).getAllByTestId('api-key-row')).toHaveLength(2)

    const productionRow = await rowFor('Production')
    expect(productionRow).toHaveTextContent('Anthropic')
    expect(productionRow).toHaveTextContent('sk-ant-…abcd')
    const healthy = within(productionRow).getByTestId('key-status')
    expect(healthy).toHaveAttribute('data-status', 'HEALTHY')
    expect(healthy).toHaveTextContent('Healthy')
    const lastPolled = within(productionRow).getByText('3 min ago')
    expect(lastPolled).toHaveAttribute('title', new Date(production.lastPolledAt!).toLocaleString())

    const ciRow = await rowFor('CI')
    expect(ciRow).toHaveTextContent('OpenAI')
    expect(within(ciRow).getByTestId('key-status')).toHaveAttribute('data-status', 'INVALID')
    expect(within(ciRow).getByTestId('key-status')).toHaveTextContent('Invalid')
    expect(ciRow).toHaveTextContent('Incorrect API key provided')
    expect(ciRow).toHaveTextContent('401 from OpenAI')
    expect(ciRow).toHaveTextContent('Not yet')
    expect(api.callsTo('GET /api/api-keys')[0].headers.get('Authorization')).toBe('Bearer session-token')
  })

  it('stacks the keys as cards on a phone', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }))
    openPage({ 'GET /api/api-keys': { status: 200, body: [production, ci] } })

    const list = await screen.findByRole('list', { name: 'API keys' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(within(await rowFor('CI')).getByTestId('key-status')).toHaveAttribute('data-status', 'INVALID')
  })

  it('explains what a key gives you when there is none, and offers to add one', async () => {
    const { user } = openPage({ 'GET /api/api-keys': { status: 200, body: [] } })

    expect(await screen.findByText('No API keys yet')).toBeInTheDocument()
    expect(screen.getByText(/how close it is to its rate limits/)).toBeInTheDocument()
    await openAddDialog(user)
  })

  it('says plainly when the API is down and loads again on Retry', async () => {
    // A network failure is tried once more before the page gives up on it.
    const { user } = openPage({
      'GET /api/api-keys': ['network-down', 'network-down', { status: 200, body: [production] }],
    })

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Your API keys could not be loaded')
    expect(alert).toHaveTextContent('Quotah is not reachable')

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))

    expect(await rowFor('Production')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})

describe('add key dialog', () => {
  it('is a labelled modal: focus starts inside, Tab stays inside, Escape closes and returns focus', async () => {
    const { user } = openPage({ 'GET /api/api-keys': { status: 200, body: [production] } })

    const addButton = await screen.findByRole('button', { name: 'Add key' })
    await user.click(addButton)
    const dialog = screen.getByRole('dialog', { name: 'Add an API key' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(within(dialog).getByLabelText('Provider')).toHaveFocus()

    within(dialog).getByRole('button', { name: 'Add key' }).focus()
    await user.tab()
    expect(dialog).toContainElement(document.activeElement as HTMLElement)

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(addButton).toHaveFocus()
  })

  it('checks the key format per provider and shows each message beside its field, without calling the API', async () => {
    const { api, user } = openPage({ 'GET /api/api-keys': { status: 200, body: [] } })
    const dialog = await openAddDialog(user)
    expect(within(dialog).getByLabelText('API key')).toHaveAttribute('placeholder', 'sk-ant-api03-…')
    expect(within(dialog).getByLabelText('Admin key (optional)')).toHaveAttribute('placeholder', 'sk-ant-admin01-…')

    await user.type(within(dialog).getByLabelText('API key'), 'sk-proj-abc123')
    await user.type(within(dialog).getByLabelText('Admin key (optional)'), 'sk-ant-api03-abc')
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))

    const label = within(dialog).getByLabelText('Label')
    const key = within(dialog).getByLabelText('API key')
    const adminKey = within(dialog).getByLabelText('Admin key (optional)')
    // The resolver checks asynchronously: the messages show a moment after the click.
    await waitFor(() => expect(label).toHaveAttribute('aria-invalid', 'true'))
    expect(describedText(label)).toContain('Enter a label')
    expect(describedText(key)).toContain('This looks like an OpenAI key')
    expect(describedText(adminKey)).toContain('Anthropic Admin keys start with sk-ant-admin01-')
    expect(label).toHaveFocus()

    await user.selectOptions(within(dialog).getByLabelText('Provider'), 'OPENAI')
    expect(key).toHaveAttribute('placeholder', 'sk-proj-…')
    expect(adminKey).toHaveAttribute('placeholder', 'sk-admin-…')
    await user.clear(key)
    await user.type(key, 'nonsense')
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))
    await waitFor(() => expect(describedText(key)).toContain('OpenAI API keys start with sk- or sk-proj-'))

    expect(api.callsTo('POST /api/api-keys')).toHaveLength(0)
  })

  it('hides the key until asked to show it', async () => {
    const { user } = openPage({ 'GET /api/api-keys': { status: 200, body: [] } })
    const dialog = await openAddDialog(user)

    const key = within(dialog).getByLabelText('API key')
    expect(key).toHaveAttribute('type', 'password')
    await user.click(within(dialog).getByRole('button', { name: 'Show API key' }))
    expect(key).toHaveAttribute('type', 'text')
    expect(within(dialog).getByRole('button', { name: 'Show API key' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('states what probing costs at the chosen interval', async () => {
    const { user } = openPage({ 'GET /api/api-keys': { status: 200, body: [] } })
    const dialog = await openAddDialog(user)

    const probing = within(dialog).getByRole('switch', { name: 'Probe for rate limits' })
    expect(probing).toBeChecked()
    expect(describedText(probing)).toContain('about 15,840 tokens a day at the chosen interval')

    await user.selectOptions(within(dialog).getByLabelText('Poll interval'), '30')
    expect(describedText(probing)).toContain('about 31,680 tokens a day')
    expect(describedText(probing)).toContain('2,880 requests')
  })

  it('puts server 400 field errors beside their fields and keeps the dialog open', async () => {
    const { user } = openPage({
      'GET /api/api-keys': { status: 200, body: [] },
      'POST /api/api-keys': {
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: 'The request has invalid fields',
          errors: [
            { field: 'pollIntervalSeconds', message: 'must be at least 60 on this plan' },
            { field: 'label', message: 'a key with this label already exists' },
          ],
        },
      },
    })
    const dialog = await openAddDialog(user)

    await user.type(within(dialog).getByLabelText('Label'), 'Production')
    await user.type(within(dialog).getByLabelText('API key'), 'sk-ant-api03-secret')
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))

    expect(await within(dialog).findByText('a key with this label already exists')).toBeInTheDocument()
    expect(describedText(within(dialog).getByLabelText('Label'))).toContain('a key with this label already exists')
    expect(describedText(within(dialog).getByLabelText('Poll interval'))).toContain('must be at least 60 on this plan')
    // The first of them on screen gets focus, whatever order the API listed them in.
    expect(within(dialog).getByLabelText('Label')).toHaveFocus()
    expect(within(dialog).getByLabelText('API key')).not.toHaveAttribute('aria-invalid')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The request has invalid fields')
  })

  it('says so when the key was already added (409)', async () => {
    const { user } = openPage({
      'GET /api/api-keys': { status: 200, body: [production] },
      'POST /api/api-keys': {
        status: 409,
        body: { title: 'Conflict', status: 409, detail: 'This key is already added as “Production”' },
      },
    })
    const dialog = await openAddDialog(user)

    await user.type(within(dialog).getByLabelText('Label'), 'Again')
    await user.type(within(dialog).getByLabelText('API key'), 'sk-ant-api03-secret')
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This key is already added')
  })

  it('sends the key, closes, and lists it with the status the provider gave', async () => {
    const created = apiKey({
      id: '33333333-3333-4333-8333-333333333333',
      label: 'Staging',
      maskedKey: 'sk-ant-…cret',
      maskedAdminKey: 'sk-ant-admin01-…dmin',
      status: 'INVALID',
      statusReason: 'invalid x-api-key',
      lastPolledAt: null,
    })
    const { api, user } = openPage({
      'GET /api/api-keys': { status: 200, body: [production] },
      'POST /api/api-keys': { status: 201, body: created },
    })
    const dialog = await openAddDialog(user)

    await user.type(within(dialog).getByLabelText('Label'), '  Staging ')
    await user.type(within(dialog).getByLabelText('API key'), 'sk-ant-api03-secret')
    await user.type(within(dialog).getByLabelText('Admin key (optional)'), 'sk-ant-admin01-admin')
    await user.click(within(dialog).getByRole('switch', { name: 'Probe for rate limits' }))
    await user.selectOptions(within(dialog).getByLabelText('Poll interval'), '300')
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))

    const row = await rowFor('Staging')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(within(row).getByTestId('key-status')).toHaveAttribute('data-status', 'INVALID')
    expect(screen.getByRole('status')).toHaveTextContent('Anthropic rejected the key: invalid x-api-key')
    // The answer is the key as saved: the list takes it without asking for the list again.
    expect(within(await rowFor('Production')).getByTestId('key-status')).toHaveAttribute('data-status', 'HEALTHY')
    expect(api.callsTo('GET /api/api-keys')).toHaveLength(1)
    expect(api.callsTo('POST /api/api-keys')[0].body).toEqual({
      provider: 'ANTHROPIC',
      label: 'Staging',
      key: 'sk-ant-api03-secret',
      adminKey: 'sk-ant-admin01-admin',
      probing: false,
      pollIntervalSeconds: 300,
    })
  })
})

describe('editing and deleting a key', () => {
  it('renames a key and changes its polling', async () => {
    const { api, user } = openPage({
      'GET /api/api-keys': { status: 200, body: [production] },
      [`PATCH /api/api-keys/${production.id}`]: {
        status: 200,
        body: { ...production, label: 'Prod EU', pollIntervalSeconds: 900 },
      },
    })

    await user.click(await screen.findByRole('button', { name: 'Edit Production' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit “Production”' })
    const label = within(dialog).getByLabelText('Label')
    await user.clear(label)
    await user.type(label, 'Prod EU')
    await user.selectOptions(within(dialog).getByLabelText('Poll interval'), '900')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    expect(await rowFor('Prod EU')).toHaveTextContent('Every 15 min')
    expect(api.callsTo(`PATCH /api/api-keys/${production.id}`)[0].body).toEqual({
      label: 'Prod EU',
      probing: true,
      pollIntervalSeconds: 900,
    })
  })

  it('puts a server 400 field error under its field in the edit dialog', async () => {
    const { user } = openPage({
      'GET /api/api-keys': { status: 200, body: [production] },
      [`PATCH /api/api-keys/${production.id}`]: {
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: 'pollIntervalSeconds must be at least 60 on this plan',
          errors: [{ field: 'pollIntervalSeconds', message: 'must be at least 60 on this plan' }],
        },
      },
    })

    await user.click(await screen.findByRole('button', { name: 'Edit Production' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit “Production”' })
    await user.selectOptions(within(dialog).getByLabelText('Poll interval'), '30')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    const interval = within(dialog).getByLabelText('Poll interval')
    expect(await within(dialog).findByText('must be at least 60 on this plan')).toBeInTheDocument()
    expect(interval).toHaveAttribute('aria-invalid', 'true')
    expect(describedText(interval)).toContain('must be at least 60 on this plan')
    expect(interval).toHaveFocus()
    expect(within(dialog).getByLabelText('Label')).not.toHaveAttribute('aria-invalid')
  })

  it('asks before deleting, naming the key, and deletes only on confirmation', async () => {
    const { api, user } = openPage({
      'GET /api/api-keys': { status: 200, body: [production, ci] },
      [`DELETE /api/api-keys/${production.id}`]: { status: 204 },
    })

    await user.click(await screen.findByRole('button', { name: 'Delete Production' }))
    let dialog = screen.getByRole('alertdialog', { name: 'Delete “Production”?' })
    expect(dialog).toHaveTextContent('sk-ant-…abcd')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(api.callsTo(`DELETE /api/api-keys/${production.id}`)).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Delete Production' }))
    dialog = screen.getByRole('alertdialog', { name: 'Delete “Production”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }))

    expect(await screen.findByRole('status')).toHaveTextContent('Deleted “Production”')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.getAllByTestId('api-key-row')).toHaveLength(1)
    expect(screen.queryByText('Production', { exact: true })).not.toBeInTheDocument()
    expect(api.callsTo(`DELETE /api/api-keys/${production.id}`)).toHaveLength(1)
  })

  it('keeps the key and says why when the delete fails', async () => {
    const { user } = openPage({
      'GET /api/api-keys': { status: 200, body: [production] },
      [`DELETE /api/api-keys/${production.id}`]: 'network-down',
    })

    await user.click(await screen.findByRole('button', { name: 'Delete Production' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Production”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Quotah is not reachable')
    expect(await rowFor('Production')).toBeInTheDocument()
  })
})
