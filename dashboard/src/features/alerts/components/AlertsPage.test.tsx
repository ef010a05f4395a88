import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  alert,
  alertPage,
  budgetAlert,
  budgetRule,
  delivery,
  fieldErrors,
  PRODUCTION_KEY,
  rule,
  SIGNING_SECRET,
  tokensAlert,
  tokensRule,
  watchedKeys,
} from '@/features/alerts/__fixtures__/alert-fixtures'
import { ada, mockApi, tokens, type MockHandler, type MockReply } from '@/testing/mock-api'
import { renderApp } from '@/testing/render-app'

const RULES = 'GET /api/alerts/configs'
const CREATE = 'POST /api/alerts/configs'
const HISTORY = 'GET /api/alerts?page=0&size=20'
const COUNT = 'GET /api/alerts/unacknowledged-count'

function openAlerts(routes: Record<string, MockReply | MockReply[] | MockHandler> = {}, path = '/alerts') {
  const api = mockApi({
    'POST /api/auth/refresh': tokens('session-token'),
    'GET /api/auth/me': { status: 200, body: ada },
    'GET /api/api-keys': { status: 200, body: watchedKeys },
    [RULES]: { status: 200, body: [tokensRule, budgetRule] },
    [HISTORY]: alertPage([tokensAlert, budgetAlert]),
    [COUNT]: { status: 200, body: { count: 1 } },
    ...routes,
  })
  return { api, ...renderApp(path) }
}

function describedText(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

function ruleCard(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const card = screen.queryAllByTestId('alert-rule').find((candidate) => within(candidate).queryByText(name))
    if (!card) throw new Error(`No rule card for ${name}`)
    return card
  })
}

function alertRow(id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.queryAllByTestId('alert-row').find((candidate) => candidate.dataset.alertId === id)
    if (!row) throw new Error(`No alert row ${id}`)
    return row
  })
}

async function openNewRule(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'New rule' }))
  const dialog = screen.getByRole('dialog', { name: 'New alert rule' })
  // The key picker fills in once the keys are loaded.
  await within(dialog).findByRole('option', { name: 'Production (Anthropic)' })
  return dialog
}

describe('alert rules', () => {
  it('lists each rule with its kind in words, a summary of its condition, channels and cooldown', async () => {
    openAlerts()

    expect(await screen.findByRole('heading', { name: 'Alerts', level: 1 })).toBeInTheDocument()
    expect(document.title).toBe('Alerts · Quotah')
    const tokensCard = await ruleCard('Tokens at 80 %')
    expect(tokensCard).toHaveTextContent('Rate limit')
    expect(tokensCard).toHaveTextContent('Any key · TOKENS · ≥ 80 % · critical ≥ 95 %')
    expect(tokensCard).toHaveTextContent('Email ada@example.com')
    expect(tokensCard).toHaveTextContent('1 h')

    const budgetCard = await ruleCard('Monthly budget')
    expect(budgetCard).toHaveTextContent('Budget')
    await waitFor(() =>
      expect(budgetCard).toHaveTextContent('Production · Anthropic · $500.00 a month · at 50, 80, 100 %'),
    )
    expect(budgetCard).toHaveTextContent('Webhook https://hooks.example.com/quotah (whsec_…abcd)')
    expect(budgetCard).toHaveTextContent('1 day')
  })

  it('creates a rate-limit rule with the body the API documents', async () => {
    const created = rule({ id: 'aaaaaaaa-0000-4000-8000-000000000009', name: 'Production tokens', connectionId: PRODUCTION_KEY, thresholdPercent: 85 })
    const { api, user } = openAlerts({
      [RULES]: [
        { status: 200, body: [tokensRule] },
        { status: 200, body: [tokensRule, created] },
      ],
      [CREATE]: { status: 201, body: created },
    })

    const dialog = await openNewRule(user)
    await user.type(within(dialog).getByLabelText('Name'), 'Production tokens')
    expect(within(dialog).getByRole('radio', { name: /^Rate limit/ })).toBeChecked()
    await user.selectOptions(within(dialog).getByLabelText('Key'), 'Production (Anthropic)')
    await user.selectOptions(within(dialog).getByLabelText('Window'), 'Tokens per minute')
    const threshold = within(dialog).getByRole('slider', { name: 'Threshold' })
    fireEvent.change(threshold, { target: { value: '85' } })
    expect(threshold).toHaveAttribute('aria-valuetext', '85 %')
    expect(within(dialog).getByText('85 %')).toBeInTheDocument()
    // The first channel is the signed-in user's address.
    expect(within(dialog).getByLabelText('Email address')).toHaveValue('ada@example.com')

    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }))

    await waitFor(() => expect(api.callsTo(CREATE)).toHaveLength(1))
    expect(api.callsTo(CREATE)[0].body).toEqual({
      name: 'Production tokens',
      kind: 'RATE_LIMIT',
      connectionId: PRODUCTION_KEY,
      windowKind: 'TOKENS',
      thresholdPercent: 85,
      criticalPercent: 95,
      channels: [{ type: 'EMAIL', target: 'ada@example.com' }],
      cooldownMinutes: 60,
    })
    expect(await screen.findByText('Created “Production tokens”.')).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(await ruleCard('Production tokens')).toHaveTextContent('Production · TOKENS · ≥ 85 %')
  })

  it('raises the critical level with the threshold, so it is never below it', async () => {
    const { user } = openAlerts()
    const dialog = await openNewRule(user)

    fireEvent.change(within(dialog).getByRole('slider', { name: 'Threshold' }), { target: { value: '97' } })

    expect(within(dialog).getByRole('slider', { name: 'Critical from' })).toHaveValue('97')
  })

  it('checks the budget fields before sending: an amount above 0 and thresholds from 1 to 1000 %', async () => {
    const created = rule({ ...budgetRule, id: 'aaaaaaaa-0000-4000-8000-000000000010', name: 'Daily cap' })
    const { api, user } = openAlerts({ [CREATE]: { status: 201, body: created } })
    const dialog = await openNewRule(user)

    await user.type(within(dialog).getByLabelText('Name'), 'Daily cap')
    await user.click(within(dialog).getByRole('radio', { name: /^Budget/ }))
    const amount = within(dialog).getByLabelText('Budget (USD)')
    const thresholds = within(dialog).getByLabelText('Thresholds (%)')
    await user.type(amount, '0')
    await user.clear(thresholds)
    await user.type(thresholds, '50, 1200')
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }))

    await waitFor(() => expect(describedText(amount)).toContain('The budget must be more than $0'))
    expect(amount).toHaveAttribute('aria-invalid', 'true')
    expect(amount).toHaveFocus()
    expect(describedText(thresholds)).toContain('Each threshold must be from 1 to 1000 %')
    expect(api.callsTo(CREATE)).toHaveLength(0)

    await user.clear(amount)
    await user.type(amount, 'lots')
    await user.clear(thresholds)
    await user.type(thresholds, '80, 80')
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }))
    await waitFor(() => expect(describedText(amount)).toContain('Enter an amount in dollars and cents'))
    expect(describedText(thresholds)).toContain('80 % is listed twice')
    expect(api.callsTo(CREATE)).toHaveLength(0)

    await user.clear(amount)
    await user.type(amount, '250')
    await user.selectOptions(within(dialog).getByLabelText('Period'), 'Day')
    await user.clear(thresholds)
    await user.type(thresholds, '100, 50')
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }))

    await waitFor(() => expect(api.callsTo(CREATE)).toHaveLength(1))
    expect(api.callsTo(CREATE)[0].body).toEqual({
      name: 'Daily cap',
      kind: 'BUDGET',
      budgetAmount: '250.00',
      budgetPeriod: 'DAY',
      budgetThresholds: [50, 100],
      channels: [{ type: 'EMAIL', target: 'ada@example.com' }],
      cooldownMinutes: 60,
    })
  })

  it('shows the server’s 400 field errors under the fields they name', async () => {
    const { api, user } = openAlerts({
      [CREATE]: fieldErrors([
        { field: 'name', message: 'A rule with this name exists already' },
        { field: 'channels[0].target', message: 'is not an email address' },
      ]),
    })
    const dialog = await openNewRule(user)
    const name = within(dialog).getByLabelText('Name')
    await user.type(name, 'Tokens at 80 %')

    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }))

    await waitFor(() => expect(describedText(name)).toContain('A rule with this name exists already'))
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveFocus()
    const target = within(within(dialog).getByRole('group', { name: 'Channel 1' })).getByLabelText('Email address')
    expect(describedText(target)).toContain('The address is not an email address')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The rule was not saved: check the fields marked below.')
    expect(api.callsTo(CREATE)).toHaveLength(1)
    expect(screen.getByRole('dialog', { name: 'New alert rule' })).toBeInTheDocument()
  })

  it('checks each channel address for its type', async () => {
    const { api, user } = openAlerts()
    const dialog = await openNewRule(user)
    await user.type(within(dialog).getByLabelText('Name'), 'Hooks')
    await user.click(within(dialog).getByRole('button', { name: 'Add channel' }))
    const second = within(dialog).getByRole('group', { name: 'Channel 2' })
    await user.selectOptions(within(second).getByLabelText('Type'), 'Webhook')
    await user.type(within(second).getByLabelText('Webhook URL'), 'http://hooks.example.com/x')
    const first = within(dialog).getByRole('group', { name: 'Channel 1' })
    await user.clear(within(first).getByLabelText('Email address'))
    await user.type(within(first).getByLabelText('Email address'), 'not-an-address')

    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }))

    await waitFor(() =>
      expect(describedText(within(first).getByLabelText('Email address'))).toContain('Enter an email address'),
    )
    expect(describedText(within(second).getByLabelText('Webhook URL'))).toContain('Use an https:// URL (http:// only for localhost)')
    expect(api.callsTo(CREATE)).toHaveLength(0)
  })

  it('after creating a rule with a webhook, shows its signing secret once, with a copy button', async () => {
    const created = rule({
      id: 'aaaaaaaa-0000-4000-8000-000000000011',
      name: 'Hook',
      channels: [
        { type: 'WEBHOOK', target: 'https://hooks.example.com/quotah', secretHint: 'whsec_…Wi9Q', signingSecret: SIGNING_SECRET },
      ],
    })
    const listed = { ...created, channels: [{ ...created.channels[0], signingSecret: null }] }
    const { api, user } = openAlerts({
      [RULES]: [
        { status: 200, body: [] },
        { status: 200, body: [listed] },
      ],
      [CREATE]: { status: 201, body: created },
    })
    await user.click(await screen.findByRole('button', { name: 'Create your first rule' }))
    const dialog = screen.getByRole('dialog', { name: 'New alert rule' })
    await user.type(within(dialog).getByLabelText('Name'), 'Hook')
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'Webhook')
    const url = within(dialog).getByLabelText('Webhook URL')
    await user.clear(url)
    await user.type(url, 'https://hooks.example.com/quotah')
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }))

    const secretDialog = await screen.findByRole('alertdialog', { name: 'Copy the webhook signing secret' })
    expect(api.callsTo(CREATE)[0].body).toMatchObject({ channels: [{ type: 'WEBHOOK', target: 'https://hooks.example.com/quotah' }] })
    expect(secretDialog).toHaveTextContent('shown once')
    expect(within(secretDialog).getByLabelText('Signing secret for https://hooks.example.com/quotah')).toHaveValue(SIGNING_SECRET)

    await user.click(within(secretDialog).getByRole('button', { name: 'Copy the secret for https://hooks.example.com/quotah' }))
    expect(await navigator.clipboard.readText()).toBe(SIGNING_SECRET)
    expect(within(secretDialog).getByRole('button', { name: 'Copied' })).toBeInTheDocument()

    await user.click(within(secretDialog).getByRole('button', { name: 'Done, I have copied it' }))

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(await ruleCard('Hook')).toHaveTextContent('Webhook https://hooks.example.com/quotah (whsec_…Wi9Q)')
    expect(document.body.textContent).not.toContain(SIGNING_SECRET)
    expect(screen.queryByDisplayValue(SIGNING_SECRET)).not.toBeInTheDocument()
  })

  it('edits a rule by sending it whole again (PUT), so an emptied key means every key', async () => {
    const put = `PUT /api/alerts/configs/${budgetRule.id}`
    const { api, user } = openAlerts({ [put]: { status: 200, body: { ...budgetRule, connectionId: null } } })

    await user.click(within(await ruleCard('Monthly budget')).getByRole('button', { name: 'Edit Monthly budget' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit “Monthly budget”' })
    expect(dialog).toHaveTextContent('the kind of a rule cannot be changed')
    expect(within(dialog).getByLabelText('Budget (USD)')).toHaveValue('500.00')
    expect(within(dialog).getByLabelText('Thresholds (%)')).toHaveValue('50, 80, 100')
    await within(dialog).findByRole('option', { name: 'Production (Anthropic)' })
    expect(within(dialog).getByLabelText('Key')).toHaveValue(PRODUCTION_KEY)
    await user.selectOptions(within(dialog).getByLabelText('Key'), 'Every key')

    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(api.callsTo(put)).toHaveLength(1))
    expect(api.callsTo(put)[0].body).toEqual({
      name: 'Monthly budget',
      kind: 'BUDGET',
      enabled: true,
      provider: 'ANTHROPIC',
      budgetAmount: '500.00',
      budgetPeriod: 'MONTH',
      budgetThresholds: [50, 80, 100],
      channels: [
        { type: 'EMAIL', target: 'finance@example.com' },
        { type: 'WEBHOOK', target: 'https://hooks.example.com/quotah' },
      ],
      cooldownMinutes: 1440,
    })
    expect(await screen.findByText('Saved the changes to “Monthly budget”.')).toBeInTheDocument()
  })

  it('keeps a rule that is off, off, when editing it', async () => {
    const off = { ...tokensRule, enabled: false }
    const put = `PUT /api/alerts/configs/${tokensRule.id}`
    const { api, user } = openAlerts({ [RULES]: { status: 200, body: [off] }, [put]: { status: 200, body: off } })

    await user.click(within(await ruleCard('Tokens at 80 %')).getByRole('button', { name: 'Edit Tokens at 80 %' }))
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(api.callsTo(put)).toHaveLength(1))
    expect(api.callsTo(put)[0].body).toMatchObject({ kind: 'RATE_LIMIT', enabled: false, windowKind: 'TOKENS' })
  })

  it('turns a rule off with its switch (PATCH enabled)', async () => {
    const patch = `PATCH /api/alerts/configs/${tokensRule.id}`
    const { api, user } = openAlerts({
      [RULES]: [
        { status: 200, body: [tokensRule] },
        { status: 200, body: [{ ...tokensRule, enabled: false }] },
      ],
      [patch]: { status: 200, body: { ...tokensRule, enabled: false } },
    })

    const toggle = within(await ruleCard('Tokens at 80 %')).getByRole('switch', { name: 'Enable Tokens at 80 %' })
    expect(toggle).toHaveAttribute('aria-checked', 'true')
    await user.click(toggle)

    await waitFor(() => expect(api.callsTo(patch)).toHaveLength(1))
    expect(api.callsTo(patch)[0].body).toEqual({ enabled: false })
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'))
  })

  it('puts the switch back and says so when the server refuses', async () => {
    const patch = `PATCH /api/alerts/configs/${tokensRule.id}`
    const { user } = openAlerts({
      [RULES]: { status: 200, body: [tokensRule] },
      [patch]: { status: 404, body: { title: 'Not Found', status: 404, detail: 'No such rule.' } },
    })

    const toggle = within(await ruleCard('Tokens at 80 %')).getByRole('switch', { name: 'Enable Tokens at 80 %' })
    await user.click(toggle)

    expect(await screen.findByRole('alert')).toHaveTextContent('“Tokens at 80 %” could not be disabled. No such rule.')
    expect(toggle).toHaveAttribute('aria-checked', 'true')
  })

  it('deletes a rule only after confirming', async () => {
    const remove = `DELETE /api/alerts/configs/${tokensRule.id}`
    const { api, user } = openAlerts({
      [RULES]: [
        { status: 200, body: [tokensRule, budgetRule] },
        { status: 200, body: [budgetRule] },
      ],
      [remove]: { status: 204 },
    })

    await user.click(within(await ruleCard('Tokens at 80 %')).getByRole('button', { name: 'Delete Tokens at 80 %' }))
    let confirm = screen.getByRole('alertdialog', { name: 'Delete “Tokens at 80 %”?' })
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(api.callsTo(remove)).toHaveLength(0)

    await user.click(within(await ruleCard('Tokens at 80 %')).getByRole('button', { name: 'Delete Tokens at 80 %' }))
    confirm = screen.getByRole('alertdialog', { name: 'Delete “Tokens at 80 %”?' })
    await user.click(within(confirm).getByRole('button', { name: 'Delete rule' }))

    expect(await screen.findByText('Deleted “Tokens at 80 %”. Its alerts stay in the history.')).toBeInTheDocument()
    expect(api.callsTo(remove)).toHaveLength(1)
    await waitFor(() => expect(screen.getAllByTestId('alert-rule')).toHaveLength(1))
  })

  it('sends a test alert through the rule’s channels and shows how each one took it', async () => {
    const send = `POST /api/alerts/configs/${tokensRule.id}/test`
    const testAlertId = 'bbbbbbbb-0000-4000-8000-000000000099'
    const deliveries = `GET /api/notifications/deliveries?alertId=${testAlertId}`
    const { api, user } = openAlerts({
      [send]: { status: 202, body: { alertId: testAlertId } },
      [deliveries]: [
        { status: 200, body: [] },
        { status: 200, body: [delivery({ alertId: testAlertId })] },
      ],
    })

    const card = await ruleCard('Tokens at 80 %')
    await user.click(within(card).getByRole('button', { name: 'Send a test alert for Tokens at 80 %' }))

    expect(await screen.findByText(/Sent a test alert for “Tokens at 80 %” through its channel\./)).toBeInTheDocument()
    expect(api.callsTo(send)).toHaveLength(1)
    const panel = within(card).getByRole('group', { name: 'Test alert for Tokens at 80 %' })
    // Delivery is asynchronous: the list is asked again until something is listed.
    expect(await within(panel).findByText('Nothing has been sent for this alert yet.')).toBeInTheDocument()
    expect(await within(panel).findByText('ada@example.com', {}, { timeout: 6000 })).toBeInTheDocument()
    expect(within(panel).getByTestId('delivery')).toHaveAttribute('data-status', 'SENT')
    // Test sends are not kept in the history: it is not asked again.
    expect(api.callsTo(HISTORY)).toHaveLength(1)

    await user.click(within(panel).getByRole('button', { name: 'Hide the test alert of Tokens at 80 %' }))
    expect(within(card).queryByTestId('test-send')).not.toBeInTheDocument()
  })
})

describe('alert history', () => {
  it('shows each alert with severity, state, summary, key, observed against threshold and times', async () => {
    openAlerts()

    const raised = await alertRow(tokensAlert.id)
    expect(within(raised).getByTestId('alert-severity')).toHaveTextContent('Warning')
    expect(within(raised).getByTestId('alert-state')).toHaveTextContent('Raised')
    expect(raised).toHaveTextContent('Production is at 86.5 % of its tokens per minute')
    expect(raised).toHaveTextContent('KeyProduction')
    expect(raised).toHaveTextContent('86.5 % (threshold 80 %)')
    expect(raised).toHaveTextContent('5 min ago')
    expect(within(raised).getByText(new Date(tokensAlert.raisedAt).toLocaleString())).toHaveAttribute(
      'datetime',
      tokensAlert.raisedAt,
    )
    expect(within(raised).getByRole('button', { name: /^Acknowledge/ })).toBeInTheDocument()

    const resolved = await alertRow(budgetAlert.id)
    expect(within(resolved).getByTestId('alert-severity')).toHaveTextContent('Critical')
    expect(within(resolved).getByTestId('alert-state')).toHaveTextContent('Resolved')
    expect(resolved).toHaveTextContent('$512.40 (threshold $500.00)')
    expect(resolved).toHaveTextContent('Resolved')
    expect(resolved).toHaveTextContent('1 h ago')
    expect(resolved).toHaveTextContent('Acknowledged 2 h ago')
    expect(within(resolved).queryByRole('button', { name: /^Acknowledge/ })).not.toBeInTheDocument()
    expect(screen.getByText('Page 1 of 1 · 2 alerts')).toBeInTheDocument()
  })

  it('acknowledging an alert updates the bell’s count', async () => {
    let unacknowledged = 1
    const acknowledged = { ...tokensAlert, acknowledgedAt: new Date().toISOString() }
    const { api, user } = openAlerts({
      [COUNT]: () => ({ status: 200, body: { count: unacknowledged } }),
      [HISTORY]: () => alertPage([unacknowledged ? tokensAlert : acknowledged, budgetAlert]),
      [`POST /api/alerts/${tokensAlert.id}/acknowledge`]: () => {
        unacknowledged = 0
        return { status: 200, body: acknowledged }
      },
    })

    expect(await screen.findByRole('link', { name: 'Alerts, 1 unacknowledged' })).toBeInTheDocument()
    const row = await alertRow(tokensAlert.id)
    await user.click(within(row).getByRole('button', { name: `Acknowledge: ${tokensAlert.summary}` }))

    expect(await screen.findByRole('link', { name: 'Alerts, none unacknowledged' })).toBeInTheDocument()
    await waitFor(() => expect(row).toHaveTextContent('Acknowledged just now'))
    expect(api.callsTo(`POST /api/alerts/${tokensAlert.id}/acknowledge`)).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Acknowledge all' })).toBeDisabled()
  })

  it('acknowledges everything at once', async () => {
    let unacknowledged = 3
    const { api, user } = openAlerts({
      [COUNT]: () => ({ status: 200, body: { count: unacknowledged } }),
      'POST /api/alerts/acknowledge-all': () => {
        unacknowledged = 0
        return { status: 200, body: { acknowledged: 3 } }
      },
    })

    await screen.findByRole('link', { name: 'Alerts, 3 unacknowledged' })
    await user.click(screen.getByRole('button', { name: 'Acknowledge all' }))

    expect(await screen.findByText('Acknowledged 3 alerts.')).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Alerts, none unacknowledged' })).toBeInTheDocument()
    expect(api.callsTo('POST /api/alerts/acknowledge-all')).toHaveLength(1)
  })

  it('filters by severity, state and acknowledgement, keeping the filters in the address', async () => {
    const critical = 'GET /api/alerts?severity=CRITICAL&page=0&size=20'
    const criticalResolvedUnacknowledged = 'GET /api/alerts?severity=CRITICAL&state=RESOLVED&acknowledged=false&page=0&size=20'
    const { api, user, router } = openAlerts({
      [critical]: alertPage([budgetAlert]),
      [criticalResolvedUnacknowledged]: alertPage([]),
    })
    await alertRow(tokensAlert.id)

    await user.selectOptions(screen.getByLabelText('Severity'), 'Critical')
    await waitFor(() => expect(screen.getAllByTestId('alert-row')).toHaveLength(1))
    expect(api.callsTo(critical)).toHaveLength(1)
    expect(router.state.location.search).toBe('?severity=CRITICAL')

    await user.selectOptions(screen.getByLabelText('State'), 'Resolved')
    await user.selectOptions(screen.getByLabelText('Acknowledged'), 'No')
    expect(await screen.findByText('No alerts match these filters')).toBeInTheDocument()
    expect(api.callsTo(criticalResolvedUnacknowledged)).toHaveLength(1)
  })

  it('pages through the history with the page and size the API answers', async () => {
    const second = 'GET /api/alerts?page=1&size=20'
    const older = alert({ id: 'bbbbbbbb-0000-4000-8000-000000000030', summary: 'An older alert' })
    const { user, router } = openAlerts({
      [HISTORY]: alertPage([tokensAlert, budgetAlert], { totalItems: 21, totalPages: 2 }),
      [second]: alertPage([older], { page: 1, totalItems: 21, totalPages: 2 }),
    })

    expect(await screen.findByText('Page 1 of 2 · 21 alerts')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Next' }))

    expect(await screen.findByText('An older alert')).toBeInTheDocument()
    expect(screen.getByText('Page 2 of 2 · 21 alerts')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled()
    expect(router.state.location.search).toBe('?page=2')
  })

  it('offers the first page when the address names a page past the end', async () => {
    const { user, router } = openAlerts(
      { 'GET /api/alerts?page=8&size=20': alertPage([], { page: 8, totalItems: 21, totalPages: 2 }) },
      '/alerts?page=9',
    )

    const banner = await screen.findByRole('alert')
    expect(banner).toHaveTextContent('Page 9 is past the end of the history, which has 2 pages.')
    await user.click(within(banner).getByRole('button', { name: 'First page' }))

    expect(await alertRow(tokensAlert.id)).toBeInTheDocument()
    expect(router.state.location.search).toBe('')
  })

  it('opens a row to show its deliveries: channel, recipient, status, attempts and last error', async () => {
    const { api, user } = openAlerts({
      [`GET /api/notifications/deliveries?alertId=${tokensAlert.id}`]: {
        status: 200,
        body: [
          delivery(),
          delivery({
            id: 'cccccccc-0000-4000-8000-000000000002',
            channel: 'WEBHOOK',
            recipient: 'hooks.example.com…',
            status: 'FAILED',
            attempts: 5,
            lastError: 'gave up after 5 attempts: HTTP 502 from hooks.example.com',
            sentAt: null,
            attemptLog: [1, 2, 3, 4, 5].map((attempt) => ({
              attempt,
              at: '2026-01-01T00:00:00Z',
              result: 'TRANSIENT_ERROR',
              error: 'HTTP 502 from hooks.example.com',
            })),
          }),
        ],
      },
    })

    const row = await alertRow(tokensAlert.id)
    const toggle = within(row).getByRole('button', { name: 'Deliveries' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)

    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const deliveries = await within(row).findAllByTestId('delivery')
    expect(deliveries).toHaveLength(2)
    expect(deliveries[0]).toHaveTextContent('Email')
    expect(deliveries[0]).toHaveTextContent('ada@example.com')
    expect(deliveries[0]).toHaveTextContent('Sent')
    expect(deliveries[0]).toHaveTextContent('1 attempt')
    expect(deliveries[1]).toHaveTextContent('Webhook')
    expect(deliveries[1]).toHaveTextContent('hooks.example.com…')
    expect(deliveries[1]).toHaveTextContent('Failed')
    expect(deliveries[1]).toHaveTextContent('5 attempts')
    expect(deliveries[1]).toHaveTextContent('Last error: gave up after 5 attempts: HTTP 502 from hooks.example.com')
    expect(within(deliveries[1]).getByText('Every attempt (5)')).toBeInTheDocument()
    expect(within(deliveries[0]).queryByText(/Every attempt/)).not.toBeInTheDocument()
    expect(api.callsTo(`GET /api/notifications/deliveries?alertId=${tokensAlert.id}`)).toHaveLength(1)
  })

  it('opens and marks the alert named by ?alert= (the link in its email)', async () => {
    openAlerts(
      {
        [`GET /api/notifications/deliveries?alertId=${budgetAlert.id}`]: {
          status: 200,
          body: [delivery({ alertId: budgetAlert.id, recipient: 'finance@example.com' })],
        },
      },
      `/alerts?alert=${budgetAlert.id}`,
    )

    const row = await alertRow(budgetAlert.id)
    expect(row).toHaveAttribute('data-highlighted', 'true')
    expect(row).toHaveAttribute('aria-current', 'true')
    expect(row).toHaveTextContent('From your link')
    expect(within(row).getByRole('button', { name: 'Deliveries' })).toHaveAttribute('aria-expanded', 'true')
    expect(await within(row).findByText('finance@example.com')).toBeInTheDocument()
    expect(await alertRow(tokensAlert.id)).not.toHaveAttribute('data-highlighted')
  })

  it('says so when the linked alert is not on the page, and still shows how it was sent', async () => {
    const missing = 'bbbbbbbb-0000-4000-8000-000000000077'
    openAlerts(
      {
        [`GET /api/alerts/${missing}`]: { status: 404, body: { status: 404, title: 'Not Found' } },
        [`GET /api/notifications/deliveries?alertId=${missing}`]: {
          status: 200,
          body: [delivery({ alertId: missing, recipient: 'oncall@example.com' })],
        },
      },
      `/alerts?alert=${missing}`,
    )

    expect(await screen.findByText(/The alert from your link is not on this page of the history/)).toBeInTheDocument()
    expect(await screen.findByText('oncall@example.com')).toBeInTheDocument()
  })

  it('fetches a linked alert that is not on the page and shows it open and marked above the history', async () => {
    const older = alert({ id: 'bbbbbbbb-0000-4000-8000-000000000078', summary: 'An older alert from an email' })
    openAlerts(
      {
        [`GET /api/alerts/${older.id}`]: { status: 200, body: older },
        [`GET /api/notifications/deliveries?alertId=${older.id}`]: {
          status: 200,
          body: [delivery({ alertId: older.id, recipient: 'lead@example.com' })],
        },
      },
      `/alerts?alert=${older.id}`,
    )

    const linked = await screen.findByRole('list', { name: 'Linked alert' })
    expect(within(linked).getByText('An older alert from an email')).toBeInTheDocument()
    expect(linked.firstElementChild).toHaveAttribute('data-highlighted', 'true')
    expect(await within(linked).findByText('lead@example.com')).toBeInTheDocument()
  })

  it('explains an empty history', async () => {
    openAlerts({ [HISTORY]: alertPage([]) })

    expect(await screen.findByText('No alerts yet')).toBeInTheDocument()
  })
})
