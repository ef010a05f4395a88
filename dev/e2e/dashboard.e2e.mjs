// The dashboard as a person uses it, in a real headless Chromium against a running Quotah (BASE_URL).
// Run by dev/local-stack's QuotahUpIT against the stack `./quotah up` starts; by hand:
//   BASE_URL=http://localhost:8080 node dev/e2e/dashboard.e2e.mjs
// Each step saves a screenshot in SCREENSHOT_DIR. Exits non-zero, naming the step, on the first failure.
import { chromium } from 'playwright-core'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'

const baseUrl = process.env.BASE_URL ?? 'http://localhost:8080'
// The provider simulator the stack's poller calls; its control API makes keys and drains them.
const simulatorUrl = process.env.SIMULATOR_URL ?? 'http://127.0.0.1:8090'
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
  await page.getByRole('group', { name: /^E2E Anthropic requests per minute/ }).waitFor({ timeout: 30_000 })
  await page.getByRole('group', { name: /^E2E OpenAI tokens per minute/ }).waitFor({ timeout: 30_000 })
  const card = page.getByRole('group', { name: /^E2E Anthropic requests per minute/ })
  if ((await card.getAttribute('data-status')) !== 'healthy') throw new Error('a fresh key should be healthy')
})

await step('a-drained-key-turns-critical', async () => {
  // Buckets refill continuously, so hold the key at 95 % until the poller's next probe reads it there.
  const card = page.getByRole('group', { name: /^E2E Anthropic requests per minute/ })
  await eventually('the drained card turns critical', async () => {
    await simulator(`/keys/${anthropicKey}/drain`, { percent: 95 })
    await page.reload()
    await card.waitFor()
    return (await card.getAttribute('data-status')) === 'critical'
  })
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
