// The dashboard as a person uses it, in a real headless Chromium against a running Quotah (BASE_URL).
// Run by dev/local-stack's QuotahUpIT against the stack `./quotah up` starts; by hand:
//   BASE_URL=http://localhost:8080 SIMULATOR_URL=http://127.0.0.1:8090 MAIL_CATCHER_URL=http://localhost:8025 \
//     node dev/e2e/dashboard.e2e.mjs
// Each step saves a screenshot in SCREENSHOT_DIR. Exits non-zero, naming the step, on the first failure.
import { chromium } from 'playwright-core'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'

const baseUrl = process.env.BASE_URL ?? 'http://localhost:8080'
// The provider simulator the stack's poller calls; its control API makes keys and drains them.
const simulatorUrl = process.env.SIMULATOR_URL ?? 'http://127.0.0.1:8090'
// The stack's mail catcher (GreenMail): its REST API lists the mail each address got.
const mailCatcherUrl = process.env.MAIL_CATCHER_URL ?? 'http://localhost:8025'
const screenshots = process.env.SCREENSHOT_DIR ?? 'target/e2e-screenshots'
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(browserPath)) {
  console.log(`No Chromium at ${browserPath}: install Debian's (apt-get install -y chromium) or set CHROMIUM.`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
mkdirSync(screenshots, { recursive: true })

const email = `e2e-${randomUUID()}@example.com`
const password = 'an e2e password 42'
let passed = 0

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
})
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })

async function step(name, action) {
  try {
    await action()
    await page.screenshot({ path: join(screenshots, `${String(passed + 1).padStart(2, '0')}-${name}.png`), fullPage: true })
    passed++
    console.log(`ok   ${name}`)
  } catch (error) {
    await page.screenshot({ path: join(screenshots, `failed-${name}.png`), fullPage: true }).catch(() => {})
    console.log(`FAIL ${name}: ${error.message}`)
    await browser.close()
    console.log(`${passed} passed, 1 failed`)
    process.exit(1)
  }
}

const heading = (name) => page.getByRole('heading', { name })

/**
 * Waits until {@code check} holds, trying again every two seconds for up to 90 (the test kit's Awaitility, for
 * the browser): for what changes outside the page, such as the poller's next poll or the next usage report.
 */
async function eventually(what, check, { timeoutMs = 90_000, pollMs = 2_000 } = {}) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}

await step('protected-page-sends-to-login', async () => {
  await page.goto(`${baseUrl}/analytics`)
  await page.waitForURL('**/login')
  await heading('Sign in to Quotah').waitFor()
})

await step('register', async () => {
  await page.goto(`${baseUrl}/register`)
  await page.getByLabel('Display name').fill('E2E Ada')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await heading('Dashboard').waitFor()
  await page.getByText('No API keys yet').waitFor()
})

await step('reload-keeps-the-session', async () => {
  await page.reload()
  await heading('Dashboard').waitFor()
  await page.getByRole('button', { name: /Account menu for E2E Ada/ }).waitFor()
})

await step('log-out', async () => {
  await page.getByRole('button', { name: /Account menu for E2E Ada/ }).click()
  await page.getByRole('button', { name: 'Log out' }).click()
  await page.waitForURL('**/login')
  await page.goto(`${baseUrl}/`)
  await page.waitForURL('**/login')
})

await step('wrong-password', async () => {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('not the password at all')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText('Wrong email or password').waitFor()
})

await step('log-in', async () => {
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await heading('Dashboard').waitFor()
})

// Keys of this run only, made in the simulator so no other test's traffic moves them.
const run = randomUUID().replaceAll('-', '')
const anthropicKey = `sk-ant-api03-e2e-only-${run}`
const openAiKey = `sk-proj-e2e-only-${run}`
async function simulator(path, body) {
  const response = await fetch(`${simulatorUrl}/_sim${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`simulator ${path}: HTTP ${response.status} ${await response.text()}`)
}

/** The mail an address got, oldest first; the catcher answers 400 "User not found" while nothing came. */
async function inbox(address) {
  const response = await fetch(`${mailCatcherUrl}/api/user/${encodeURIComponent(address)}/messages/INBOX`)
  if (response.status === 400) return []
  if (!response.ok) throw new Error(`mail catcher: HTTP ${response.status} ${await response.text()}`)
  return response.json()
}
const isResolution = (message) => message.subject.startsWith('[Quotah] Resolved')

/**
 * A raw MIME message read as a mail client reads it: its headers (unfolded, by lower-case name) and its leaf
 * parts, each with its content type and its body decoded from quoted-printable or base64 in its charset.
 */
function readMime(raw) {
  const leaves = []
  const top = readPart(raw.replace(/\r\n/g, '\n'), leaves)
  return { headers: top.headers, parts: leaves }
}

function readPart(text, leaves) {
  const blank = text.indexOf('\n\n')
  const head = blank < 0 ? text : text.slice(0, blank)
  const body = blank < 0 ? '' : text.slice(blank + 2)
  const headers = new Map()
  for (const line of head.replace(/\n(?=[ \t])/g, '').split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  const contentType = headers.get('content-type') ?? 'text/plain; charset=us-ascii'
  const type = contentType.split(';')[0].trim().toLowerCase()
  if (type.startsWith('multipart/')) {
    const boundary = mimeParameter(contentType, 'boundary')
    if (!boundary) throw new Error(`a ${type} without a boundary`)
    const sections = `\n${body}`.split(`\n--${boundary}`)
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break // the closing delimiter
      readPart(section.slice(section.indexOf('\n') + 1), leaves)
    }
  } else {
    const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
    const charset = mimeParameter(contentType, 'charset') ?? 'us-ascii'
    const decoded = encoding === 'base64' ? Buffer.from(body, 'base64')
      : encoding === 'quoted-printable' ? quotedPrintable(body) : null
    // 7bit and 8bit bodies arrive as the catcher's JSON string already: characters, not bytes
    leaves.push({ type, text: decoded ? new TextDecoder(charset).decode(decoded) : body })
  }
  return { headers }
}

function mimeParameter(headerValue, name) {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(headerValue)
  return match ? (match[1] ?? match[2]) : null
}

/** RFC 2045 quoted-printable: soft line breaks ("=" at the end of a line) joined, "=XX" as the byte XX. */
function quotedPrintable(text) {
  const joined = text.replace(/[ \t]*=\n/g, '')
  const bytes = []
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3)
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(joined[i], 'utf8'))
  }
  return Buffer.from(bytes)
}

/** The words of an HTML part as a reader sees them: tags dropped, entities read, white space collapsed. */
function htmlWords(html) {
  return html.replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim()
}

/**
 * Drains a key to {@code percent} every two seconds until stopped: a bucket refills continuously, and the poller
 * only reads it every 30 s, so a key stays past a threshold only while it is held there.
 */
function holdDrained(key, percent) {
  let failure = null
  const timer = setInterval(() => {
    simulator(`/keys/${key}/drain`, { percent }).catch((error) => { failure = error })
  }, 2_000)
  return {
    stop() {
      clearInterval(timer)
      if (failure) throw new Error(`holding ${key} at ${percent} %: ${failure.message}`)
    },
  }
}

/** Quotah's API with a token of its own, for what the page has no control for (a provider's own headers). */
async function quotahApi(method, path, token, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

async function addKey(provider, label, key, adminKey) {
  await page.getByRole('button', { name: /Add (your first )?key/ }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add an API key' })
  await dialog.getByLabel('Provider').selectOption(provider)
  await dialog.getByLabel('Label').fill(label)
  await dialog.getByLabel('API key', { exact: true }).fill(key)
  if (adminKey) await dialog.getByLabel('Admin key (optional)', { exact: true }).fill(adminKey)
  await dialog.getByLabel('Poll interval').selectOption('30')
  await dialog.getByRole('switch', { name: 'Probe for rate limits' }).check()
  await dialog.getByRole('button', { name: 'Add key' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByTestId('api-key-row').filter({ hasText: label }).getByTestId('key-status')
    .and(page.locator('[data-status="HEALTHY"]')).first().waitFor()
}

await step('add-a-key-per-provider', async () => {
  await simulator('/keys', { provider: 'anthropic', key: anthropicKey,
    limits: { haiku: { requestsPerMinute: 50, inputTokensPerMinute: 50000, outputTokensPerMinute: 10000 } } })
  await simulator('/keys', { provider: 'openai', key: openAiKey,
    limits: { 'gpt-5-nano': { requestsPerMinute: 500, tokensPerMinute: 200000 } } })
  await page.getByRole('link', { name: 'API Keys' }).first().click()
  await page.waitForURL('**/api-keys')
  await addKey('ANTHROPIC', 'E2E Anthropic', anthropicKey)
  await addKey('OPENAI', 'E2E OpenAI', openAiKey)
})

await step('cards-fill-in', async () => {
  await page.getByRole('link', { name: 'Dashboard' }).first().click()
  // A key's first probe reaches the board a moment after the key shows HEALTHY, and the page refreshes only once
  // a minute: load it again until both keys have their cards.
  const card = page.getByRole('group', { name: /^E2E Anthropic requests per minute/ })
  const openAiCard = page.getByRole('group', { name: /^E2E OpenAI tokens per minute/ })
  await eventually('a card for each key', async () => {
    await page.reload()
    await page.getByText(/^Last updated /).waitFor()
    return (await card.isVisible()) && (await openAiCard.isVisible())
  })
  if ((await card.getAttribute('data-status')) !== 'healthy') throw new Error('a fresh key should be healthy')
})

// The alert flow: a rule at 80 % on the Anthropic key, mailed to an address of this run only.
const alertsAddress = `alerts-${run}@example.com`
const ruleName = 'E2E Anthropic past 80 %'
const ruleCard = () => page.getByRole('list', { name: 'Alert rules' }).getByTestId('alert-rule')
  .filter({ has: page.getByRole('heading', { name: ruleName, exact: true }) })
const alertRows = () => page.getByRole('list', { name: 'Alert history' }).getByTestId('alert-row')
  .filter({ hasText: ruleName })
const anthropicCard = () => page.getByRole('group', { name: /^E2E Anthropic requests per minute/ })
async function openAlertsPage() {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts', exact: true }).first().click()
  await page.waitForURL('**/alerts')
  await page.getByRole('heading', { name: 'Alerts', exact: true, level: 1 }).waitFor()
}

await step('create-an-80-percent-rule', async () => {
  await openAlertsPage()
  await page.getByText('No alert rules yet').waitFor()
  await page.getByRole('button', { name: 'New rule' }).click()
  const dialog = page.getByRole('dialog', { name: 'New alert rule' })
  await dialog.getByLabel('Name').fill(ruleName)
  await dialog.getByRole('radio', { name: /^Rate limit/ }).check()
  await dialog.getByLabel('Key', { exact: true }).selectOption({ label: 'E2E Anthropic (Anthropic)' })
  // The slider starts at 80: move it away and back, so the value saved is the one set here.
  const threshold = dialog.getByRole('slider', { name: 'Threshold' })
  await threshold.focus()
  await page.keyboard.press('Home')
  if ((await threshold.getAttribute('aria-valuetext')) !== '1 %') throw new Error('the threshold slider did not move')
  for (let percent = 1; percent < 80; percent++) await page.keyboard.press('ArrowRight')
  if ((await threshold.getAttribute('aria-valuetext')) !== '80 %') {
    throw new Error(`the threshold reads ${await threshold.getAttribute('aria-valuetext')}, not 80 %`)
  }
  const channels = dialog.getByTestId('channel-row')
  if ((await channels.count()) !== 1) throw new Error(`a new rule starts with ${await channels.count()} channels`)
  await channels.getByLabel('Type').selectOption('EMAIL')
  await channels.getByLabel('Email address').fill(alertsAddress)
  await dialog.getByRole('button', { name: 'Create rule' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByText(`Created “${ruleName}”.`).waitFor()
  const rule = ruleCard()
  await rule.waitFor()
  if ((await page.getByTestId('alert-rule').count()) !== 1) throw new Error('the list should hold the one new rule')
  const enabled = rule.getByRole('switch', { name: `Enable ${ruleName}` })
  if ((await enabled.getAttribute('aria-checked')) !== 'true') throw new Error('the new rule is not enabled')
  const said = (await rule.textContent()).replace(/\s+/g, ' ')
  for (const fact of ['Rate limit', 'E2E Anthropic', '≥ 80 %', `Email ${alertsAddress}`]) {
    if (!said.includes(fact)) throw new Error(`the rule in the list does not say "${fact}": ${said}`)
  }
})

await step('a-drained-key-turns-critical', async () => {
  // Buckets refill continuously, so hold the key at 95 % until the poller's next probe reads it there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click()
  const card = page.getByRole('group', { name: /^E2E Anthropic requests per minute/ })
  await eventually('the drained card turns critical', async () => {
    await simulator(`/keys/${anthropicKey}/drain`, { percent: 95 })
    await page.reload()
    await card.waitFor()
    return (await card.getAttribute('data-status')) === 'critical'
  })
})

// The alert stays raised while the key is held past the threshold: without this, the poller's next probe (30 s
// on) would read the refilled bucket and resolve it before the history and the bell are looked at.
const holding = holdDrained(anthropicKey, 95)
let alertId
let unsubscribeUrl

await step('one-email-arrives', async () => {
  let messages = []
  await eventually(`an alert email to ${alertsAddress}`, async () => (messages = await inbox(alertsAddress)).length > 0)
  const alerts = messages.filter((message) => !isResolution(message))
  if (alerts.length !== 1) throw new Error(`${alerts.length} alert emails: ${alerts.map((m) => m.subject).join(' | ')}`)
  const [message] = alerts
  if (!/^\[Quotah\] (CRITICAL|WARNING): /.test(message.subject)) throw new Error(`subject: ${message.subject}`)
  const mail = readMime(message.mimeMessage)
  const partsOf = (type) => mail.parts.filter((part) => part.type === type)
  if (partsOf('text/plain').length !== 1 || partsOf('text/html').length !== 1) {
    throw new Error(`parts: ${mail.parts.map((part) => part.type).join(', ')}; want one text/plain and one text/html`)
  }
  const text = partsOf('text/plain')[0].text
  const html = partsOf('text/html')[0].text
  const words = htmlWords(html)
  for (const [part, said] of [['text', text], ['HTML', words]]) {
    if (!said.includes('E2E Anthropic')) throw new Error(`the ${part} part does not name the key: ${said}`)
    if (!/Threshold:? 80 %/.test(said)) throw new Error(`the ${part} part does not say the 80 % threshold: ${said}`)
  }
  const dashboard = `${new URL(baseUrl).origin}/alerts?alert=`
  const link = new RegExp(`${dashboard.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')}([0-9a-f-]{36})`)
  const inText = link.exec(text)
  const inHtml = link.exec(html)
  if (!inText || !inHtml) throw new Error(`no link to ${dashboard}<alert> in the ${inText ? 'HTML' : 'text'} part`)
  if (inText[1] !== inHtml[1]) throw new Error(`the parts link to two alerts: ${inText[1]}, ${inHtml[1]}`)
  alertId = inText[1]
  const listUnsubscribe = /^<(https?:\/\/[^>\s]+)>$/.exec(mail.headers.get('list-unsubscribe') ?? '')
  if (!listUnsubscribe) throw new Error(`List-Unsubscribe: ${mail.headers.get('list-unsubscribe')}`)
  unsubscribeUrl = listUnsubscribe[1]
  if (mail.headers.get('list-unsubscribe-post') !== 'List-Unsubscribe=One-Click') {
    throw new Error(`List-Unsubscribe-Post: ${mail.headers.get('list-unsubscribe-post')}`)
  }
  if (!text.includes(unsubscribeUrl) || !html.includes(unsubscribeUrl.replaceAll('&', '&amp;'))) {
    throw new Error('the unsubscribe link of the headers is not in both parts')
  }
})

await step('bell-and-history', async () => {
  await openAlertsPage()
  await page.getByRole('link', { name: 'Alerts, 1 unacknowledged', exact: true }).waitFor()
  await alertRows().first().waitFor()
  if ((await alertRows().count()) !== 1) throw new Error(`${await alertRows().count()} alerts of the rule in the history`)
  const row = alertRows().first()
  if ((await row.getAttribute('data-alert-id')) !== alertId) {
    throw new Error(`the history's alert is ${await row.getAttribute('data-alert-id')}, the email's ${alertId}`)
  }
  if ((await row.getAttribute('data-state')) !== 'RAISED') throw new Error(`state ${await row.getAttribute('data-state')}`)
  if ((await row.getByTestId('alert-state').textContent()).trim() !== 'Raised') throw new Error('the row does not say Raised')
  if (!(await row.textContent()).includes('E2E Anthropic')) throw new Error('the row does not name the key')
  await row.getByRole('button', { name: 'Deliveries' }).click()
  const deliveries = row.getByRole('list', { name: 'Deliveries' }).getByTestId('delivery')
  await deliveries.first().waitFor()
  const listed = await deliveries.evaluateAll((items) => items.map((item) => [item.dataset.status, item.textContent]))
  const sent = listed.filter(([status, said]) => status === 'SENT' && said.includes(alertsAddress) && /raised message/.test(said))
  if (sent.length !== 1) throw new Error(`want the raised email to ${alertsAddress} SENT; deliveries: ${JSON.stringify(listed)}`)
})

await step('acknowledge', async () => {
  const row = alertRows().first()
  await row.getByRole('button', { name: /^Acknowledge: / }).click()
  await row.getByText(/^Acknowledged /).waitFor()
  await page.getByRole('link', { name: 'Alerts, none unacknowledged', exact: true }).waitFor()
  await page.reload()
  await alertRows().first().getByText(/^Acknowledged /).waitFor()
  await page.getByRole('link', { name: 'Alerts, none unacknowledged', exact: true }).waitFor()
})

// Before the cooldown can be shown, the condition has to clear: a rule fires on an edge, and an alert resolves when
// its condition clears (README, Alerts). So the key recovers first, then crosses the threshold a second time.
await step('recovers-resolved', async () => {
  holding.stop()
  const row = alertRows().first()
  await eventually('the alert is resolved in the history', async () => {
    await page.reload()
    await row.waitFor()
    return (await row.getAttribute('data-state')) === 'RESOLVED'
  }, { timeoutMs: 120_000 })
  if ((await row.getByTestId('alert-state').textContent()).trim() !== 'Resolved') throw new Error('the row does not say Resolved')
  await row.getByText('Resolved', { exact: true }).and(page.locator('dt')).waitFor()
  let resolutions = []
  await eventually('the resolution email', async () =>
    (resolutions = (await inbox(alertsAddress)).filter(isResolution)).length > 0)
  if (resolutions.length !== 1) throw new Error(`${resolutions.length} resolution emails`)
  if (!readMime(resolutions[0].mimeMessage).parts.some((part) => part.text.includes(`/alerts?alert=${alertId}`))) {
    throw new Error('the resolution email does not link to the alert')
  }
})

await step('cooldown-holds', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).first().click()
  await eventually('the recovered card is no longer critical', async () => {
    await page.reload()
    await anthropicCard().waitFor()
    return (await anthropicCard().getAttribute('data-status')) !== 'critical'
  })
  await eventually('the drained card turns critical again', async () => {
    await simulator(`/keys/${anthropicKey}/drain`, { percent: 95 })
    await page.reload()
    await anthropicCard().waitFor()
    return (await anthropicCard().getAttribute('data-status')) === 'critical'
  })
  // What to wait for before saying nothing more came: alert-service reads snapshots in order per workspace (the
  // workspace is the record key, so one partition), and notification-service reads alerts the same way. So a later
  // snapshot of this workspace that must raise an alert, a canary, proves the drained one has been evaluated once
  // its alert is in the history, and proves any alert raised before it has been queued for mail once its own email
  // arrives. The canary: a rule on the OpenAI key, and an observation of that key's headers at 99 % used, posted
  // after the drained reading reached the dashboard (so after its snapshot was published).
  const { accessToken } = await quotahApi('POST', '/api/auth/login', null, { email, password })
  const openAi = (await quotahApi('GET', '/api/api-keys', accessToken)).find((key) => key.label === 'E2E OpenAI')
  const canaryAddress = `canary-${run}@example.com`
  const canary = await quotahApi('POST', '/api/alerts/configs', accessToken, {
    name: 'E2E canary', kind: 'RATE_LIMIT', thresholdPercent: 80, connectionId: openAi.id,
    channels: [{ type: 'EMAIL', target: canaryAddress }],
  })
  await quotahApi('POST', `/api/api-keys/${openAi.id}/observations`, accessToken, {
    observedAt: new Date().toISOString(),
    headers: { 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '60s' },
  })
  await eventually('the canary alert is in the history', async () =>
    (await quotahApi('GET', '/api/alerts?size=100', accessToken)).items.some((alert) => alert.ruleId === canary.id))
  await eventually('the canary email', async () => (await inbox(canaryAddress)).length > 0)

  const history = (await quotahApi('GET', '/api/alerts?size=100', accessToken)).items
    .filter((alert) => alert.ruleName === ruleName)
  if (history.length !== 1 || history[0].id !== alertId || history[0].state !== 'RESOLVED') {
    throw new Error(`within the cooldown the history should still hold the one resolved alert: ${JSON.stringify(history)}`)
  }
  const alerts = (await inbox(alertsAddress)).filter((message) => !isResolution(message))
  if (alerts.length !== 1) throw new Error(`${alerts.length} alert emails: ${alerts.map((m) => m.subject).join(' | ')}`)
  await openAlertsPage()
  await alertRows().first().waitFor()
  if ((await alertRows().count()) !== 1) throw new Error(`${await alertRows().count()} alerts of the rule in the history`)
})

await step('unsubscribe-link-works', async () => {
  const before = (await inbox(alertsAddress)).length
  await page.goto(unsubscribeUrl)
  await heading('Unsubscribe from these alerts?').waitFor()
  await page.getByText(alertsAddress).waitFor()
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await heading('You are unsubscribed').waitFor()
  await page.getByText(alertsAddress).waitFor()

  await page.goto(`${baseUrl}/alerts`)
  await ruleCard().waitFor()
  await ruleCard().getByRole('button', { name: `Send a test alert for ${ruleName}` }).click()
  const test = ruleCard().getByRole('group', { name: `Test alert for ${ruleName}` })
  const delivery = test.getByRole('list', { name: 'Deliveries' }).getByTestId('delivery').filter({ hasText: alertsAddress })
  // A delivery leaves PENDING once it is decided: SUPPRESSED is final, so no email can follow it.
  await delivery.and(page.locator('[data-status="SUPPRESSED"]')).waitFor({ timeout: 60_000 })
  await delivery.getByText('Suppressed', { exact: true }).waitFor()
  const after = await inbox(alertsAddress)
  if (after.length !== before) {
    throw new Error(`mail came after unsubscribing: ${after.slice(before).map((m) => m.subject).join(' | ')}`)
  }
})

await step('navigate-to-analytics', async () => {
  await page.getByRole('link', { name: 'Analytics' }).first().click()
  await page.waitForURL('**/analytics')
  await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor()
  // A new account has no usage yet: the page says so instead of showing $0.00 charts.
  await heading('No usage in this range yet').waitFor()
})

// Money as exact integers: 10^-12 dollars, enough for any amount a cost report sends.
const PICO = 12
function picoDollars(decimal) {
  const [whole, fraction = ''] = String(decimal).split('.')
  return BigInt(whole + fraction.padEnd(PICO, '0').slice(0, PICO))
}
function centsHalfEven(pico) {
  const unit = 10n ** BigInt(PICO - 2)
  let cents = pico / unit
  const rest = pico % unit
  if (rest * 2n > unit || (rest * 2n === unit && cents % 2n === 1n)) cents += 1n
  return cents
}
const dollars = (cents) => `$${(cents / 100n).toLocaleString('en-US')}.${String(cents % 100n).padStart(2, '0')}`

async function providerCall(path, headers, body) {
  const response = await fetch(`${simulatorUrl}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`)
}

/** What the simulated providers bill these Admin keys for the last week, to the cent. */
async function billedCents(anthropicAdmin, openAiAdmin) {
  const from = new Date(Date.now() - 7 * 86_400_000)
  const to = new Date(Date.now() + 86_400_000)
  const day = (d) => `${d.toISOString().slice(0, 10)}T00:00:00Z`
  let total = 0n
  const anthropic = await (await fetch(`${simulatorUrl}/anthropic/v1/organizations/cost_report?bucket_width=1d&limit=31`
    + `&starting_at=${day(from)}&ending_at=${day(to)}`, { headers: { 'x-api-key': anthropicAdmin,
    'anthropic-version': '2023-06-01' } })).json()
  // "amount" is in the lowest currency unit: cents
  for (const bucket of anthropic.data) for (const row of bucket.results) total += picoDollars(row.amount) / 100n
  const openAi = await (await fetch(`${simulatorUrl}/openai/v1/organization/costs?bucket_width=1d&limit=31`
    + `&start_time=${Math.floor(Date.parse(day(from)) / 1000)}&end_time=${Math.floor(Date.parse(day(to)) / 1000)}`,
  { headers: { authorization: `Bearer ${openAiAdmin}` } })).text()
  // the value is a JSON number: read its digits from the text, never through a float
  for (const match of openAi.matchAll(/"value"\s*:\s*([0-9.eE+-]+)/g)) total += picoDollars(match[1])
  return centsHalfEven(total)
}

function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(field); field = '' }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++ }
    else field += c
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row) }
  return rows
}

await step('analytics-matches-the-providers-bill', async () => {
  const org = randomUUID().replaceAll('-', '')
  const anthropic = { key: `sk-ant-api03-e2e-bill-${org}`, admin: `sk-ant-admin01-e2e-bill-${org}` }
  const openAi = { key: `sk-proj-e2ebill${org}`, admin: `sk-admin-e2ebill${org}` }
  await simulator('/keys', { provider: 'anthropic', key: anthropic.key, adminKey: anthropic.admin,
    limits: { sonnet: { requestsPerMinute: 1000, inputTokensPerMinute: 2000000, outputTokensPerMinute: 400000 } } })
  await simulator('/keys', { provider: 'openai', key: openAi.key, adminKey: openAi.admin,
    limits: { 'gpt-4o': { requestsPerMinute: 1000, tokensPerMinute: 2000000 } } })
  // large enough that every row is worth cents, so "to the cent" means something
  for (let i = 0; i < 3; i++) {
    await providerCall('/anthropic/v1/messages', { 'x-api-key': anthropic.key, 'anthropic-version': '2023-06-01' },
      { model: 'claude-sonnet-4-5', max_tokens: 2000, messages: [{ role: 'user', content: 'x'.repeat(120_000 + i) }] })
    await providerCall('/openai/v1/chat/completions', { authorization: `Bearer ${openAi.key}` },
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'y'.repeat(120_000 + i) }] })
  }
  await page.goto(`${baseUrl}/api-keys`)
  await addKey('ANTHROPIC', 'E2E Billed Anthropic', anthropic.key, anthropic.admin)
  await addKey('OPENAI', 'E2E Billed OpenAI', openAi.key, openAi.admin)

  const expected = dollars(await billedCents(anthropic.admin, openAi.admin))
  const total = page.getByTestId('analytics-total-cost')
  await eventually(`the Analytics total shows the bill, ${expected}`, async () => {
    await page.goto(`${baseUrl}/analytics?range=7d`)
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor()
    await total.or(heading('No usage in this range yet')).first().waitFor()
    return await total.isVisible() && (await total.textContent()).trim() === expected
  })
})

await step('csv-export-matches-the-table', async () => {
  const table = page.getByTestId('cost-table')
  await table.waitFor()
  const rows = await table.getByTestId('cost-row').evaluateAll((elements) => elements.map((row) => ({
    model: row.dataset.model, keyId: row.dataset.keyId,
    cost: row.querySelector('[data-testid="row-cost"]').textContent.trim(),
  })))
  if (rows.length === 0) throw new Error('the table has no rows')
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click()])
  const csv = parseCsv(readFileSync(await download.path(), 'utf8'))
  const header = csv[0].map((name) => name.toLowerCase())
  const column = (...names) => header.findIndex((name) => names.includes(name))
  const [model, keyId, cost] = [column('model'), column('keyid', 'key_id', 'key id'), column('cost', 'cost_usd')]
  if (model < 0 || keyId < 0 || cost < 0) throw new Error(`unexpected CSV header: ${csv[0].join(',')}`)
  const lines = csv.slice(1).filter((line) => line.length > 1)
  if (lines.length !== rows.length) throw new Error(`CSV has ${lines.length} rows, the table ${rows.length}`)
  for (const row of rows) {
    const line = lines.find((l) => l[model] === row.model && l[keyId] === row.keyId)
    if (!line) throw new Error(`no CSV row for ${row.model} / ${row.keyId}`)
    const csvCost = dollars(centsHalfEven(picoDollars(line[cost])))
    if (csvCost !== row.cost) throw new Error(`${row.model}: the table says ${row.cost}, the CSV ${line[cost]}`)
  }
})

await step('unknown-page', async () => {
  await page.goto(`${baseUrl}/no-such-page`)
  await heading('Page not found').waitFor()
})

await step('phone-width', async () => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`${baseUrl}/`)
  await page.getByRole('button', { name: 'Open navigation' }).waitFor()
})

await browser.close()
console.log(`${passed} passed, 0 failed`)
