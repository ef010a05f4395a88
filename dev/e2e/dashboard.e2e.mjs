// The dashboard as a person uses it, in a real headless Chromium against a running Quotah (BASE_URL).
// Run by dev/local-stack's QuotahUpIT against the stack `./quotah up` starts; by hand:
//   BASE_URL=http://localhost:8080 node dev/e2e/dashboard.e2e.mjs
// Each step saves a screenshot in SCREENSHOT_DIR. Exits non-zero, naming the step, on the first failure.
import { chromium } from 'playwright-core'
import { existsSync, mkdirSync } from 'node:fs'
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
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })

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

async function addKey(provider, label, key) {
  await page.getByRole('button', { name: /Add (your first )?key/ }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add an API key' })
  await dialog.getByLabel('Provider').selectOption(provider)
  await dialog.getByLabel('Label').fill(label)
  await dialog.getByLabel('API key', { exact: true }).fill(key)
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
  const deadline = Date.now() + 90_000
  for (;;) {
    await simulator(`/keys/${anthropicKey}/drain`, { percent: 95 })
    await page.reload()
    await card.waitFor()
    if ((await card.getAttribute('data-status')) === 'critical') break
    if (Date.now() > deadline) throw new Error('the card did not turn critical within 90 s')
    await page.waitForTimeout(2_000)
  }
})

await step('navigate-to-analytics', async () => {
  await page.getByRole('link', { name: 'Analytics' }).first().click()
  await page.waitForURL('**/analytics')
  await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor()
  // A new account has no usage yet: the page says so instead of showing $0.00 charts.
  await heading('No usage in this range yet').waitFor()
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
