#!/usr/bin/env node
// Alert latency benchmark: the time from the rate-limit reading that crosses a rule's threshold to the email in the
// mail catcher, against a running ./quotah up. Each run makes a fresh 80 % rule with a recipient of its own on one
// of the account's keys, posts an observation (the headers a provider answered with) at 98 % used on the model the
// poller probes, and watches the catcher's API for that recipient's mail. The path measured: gateway,
// provider-poller-service (the snapshot to Kafka), alert-service (evaluation, outbox), notification-service (queue,
// template, SMTP), the catcher. Plain Node 20, no dependencies. See dev/bench/README.md.
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryAfterMs } from './rate-limits-load.mjs';
import { elapsedMs, round, summarize } from './stats.mjs';

const USAGE = `Usage: node dev/bench/alert-latency.mjs [options]

  --base-url=URL     gateway [BASE_URL] (http://localhost:8080)
  --mail-url=URL     the mail catcher's API [MAIL_CATCHER_URL] (http://localhost:8025)
  --email=EMAIL      an account with at least one watched, probed key [EMAIL] (demo@quotah.local: demo only)
  --password=PW      its password [PASSWORD] (demo-only-password: demo only)
  --runs=N           measured runs [RUNS] (20)
  --timeout-ms=MS    a run whose mail has not come by then fails [TIMEOUT_MS] (30000)
  -h, --help         this text

Prints each run, then p50, p95 and max in ms and a one-line JSON summary. Exit code 1 when a run failed.`;

const { values: options } = parseArgs({
  options: {
    'base-url': { type: 'string' }, 'mail-url': { type: 'string' }, email: { type: 'string' },
    password: { type: 'string' }, runs: { type: 'string' }, 'timeout-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const baseUrl = options['base-url'] ?? process.env.BASE_URL ?? 'http://localhost:8080';
const mailUrl = options['mail-url'] ?? process.env.MAIL_CATCHER_URL ?? 'http://localhost:8025';
const email = options.email ?? process.env.EMAIL ?? 'demo@quotah.local';
const password = options.password ?? process.env.PASSWORD ?? 'demo-only-password';
const runs = Number(options.runs ?? process.env.RUNS ?? 20);
const timeoutMs = Number(options['timeout-ms'] ?? process.env.TIMEOUT_MS ?? 30_000);
if (!Number.isInteger(runs) || runs < 1 || !(timeoutMs > 0)) {
  console.error(`--runs must be a whole number of at least 1 and --timeout-ms above 0.\n\n${USAGE}`);
  process.exit(2);
}

/** A random pause before each run, longer than any of the services' polling intervals. */
const PHASE_JITTER_MS = 1000;

/** Access tokens live 5 minutes: a new sign-in after 4, so runs of any length work. */
const TOKEN_LIFE_MS = 240_000;
let session = null;
async function token() {
  if (!session || Date.now() - session.at > TOKEN_LIFE_MS) {
    const { accessToken } = await api('POST', '/api/auth/login', { email, password }, { token: null });
    session = { accessToken, at: Date.now() };
  }
  return session.accessToken;
}

/**
 * One call through the gateway. A 429 (the gateway allows 20 requests a second per user) is waited out and asked
 * again, except where {@code retry} is false: inside the measured interval, where a wait would be measured.
 */
async function api(method, path, body, { retry = true, token: bearer } = {}) {
  const auth = bearer === undefined ? await token() : bearer;
  for (;;) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === 429 && retry) {
      await sleep(retryAfterMs(response.headers.get('retry-after')));
      continue;
    }
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/** The recipient's messages in the catcher; none yet is a 400 "User not found" there. */
async function inbox(address) {
  const response = await fetch(`${mailUrl}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
  if (response.status === 400) return [];
  if (!response.ok) throw new Error(`mail catcher: HTTP ${response.status}`);
  return response.json();
}

/**
 * The key to alert on and the model series its probes fill, with that model's requests-per-minute limit: the
 * observation goes on the key's real series, so the poller's next probe overwrites it with the truth and the
 * dashboard keeps no made-up window.
 */
async function target() {
  const keys = await api('GET', '/api/api-keys');
  if (keys.length === 0) throw new Error(`${email} watches no key: add one first`);
  const board = await api('GET', '/api/multi/rate-limits');
  const candidates = [...keys].sort((a, b) => (a.provider === 'ANTHROPIC' ? 0 : 1) - (b.provider === 'ANTHROPIC' ? 0 : 1));
  for (const key of candidates) {
    const limits = board.keys.find((entry) => entry.keyId === key.id)?.limits ?? [];
    // a series read from responses (probes, or observations like ours), not the Admin API's configured limits
    const read = limits.filter((entry) => entry.model && entry.source !== 'ADMIN_API')
      .sort((a, b) => (a.source === 'PROBE' ? 0 : 1) - (b.source === 'PROBE' ? 0 : 1));
    for (const series of read) {
      const requests = series.windows.find((window) => window.kind === 'REQUESTS' && window.limit > 1
        && window.remaining !== null);
      if (requests) return { key, model: series.model, limit: requests.limit };
    }
  }
  throw new Error(`no key of ${email} has a probed requests window yet: wait for the poller's first probe`);
}

/** The provider's rate-limit headers for {@code remaining} of {@code limit} requests left. */
function headersOf(provider, limit, remaining) {
  const resetAt = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return provider === 'ANTHROPIC'
    ? { 'anthropic-ratelimit-requests-limit': String(limit), 'anthropic-ratelimit-requests-remaining': String(remaining),
        'anthropic-ratelimit-requests-reset': resetAt }
    : { 'x-ratelimit-limit-requests': String(limit), 'x-ratelimit-remaining-requests': String(remaining),
        'x-ratelimit-reset-requests': '60s' };
}

const { key, model, limit } = await target();
const remaining = Math.max(1, Math.floor(limit / 100));
// as alert-service words it: to a tenth, rounded down, without trailing zeros
const usedWords = `${Math.floor(((limit - remaining) * 1000) / limit) / 10} %`;
if ((limit - remaining) / limit < 0.95) throw new Error(`${model}'s limit of ${limit} is too small to read 95 % used`);
const run = randomUUID().slice(0, 8);
console.error(`Measuring ${runs} alerts on ${key.label} (${key.provider}, ${model}, ${usedWords} of ${limit} `
  + `requests used) of ${email}...`);

const samples = [];
let failed = 0;
for (let i = 1; i <= runs; i++) {
  const recipient = `bench-${run}-${i}@example.com`;
  // Back to back, each run would start at the same point of the services' fixed timers (the alert-service outbox
  // relay's 250 ms, the sender's 200 ms), and every run would measure the same share of their wait: start at a
  // random moment instead, so the runs sample it as alerts in the wild do.
  await sleep(Math.random() * PHASE_JITTER_MS);
  const rule = await api('POST', '/api/alerts/configs', {
    name: `Bench ${run} #${i}`, kind: 'RATE_LIMIT', thresholdPercent: 80, connectionId: key.id,
    channels: [{ type: 'EMAIL', target: recipient }],
  });
  let outcome;
  let measured = false;
  try {
    const observation = { model, headers: headersOf(key.provider, limit, remaining), observedAt: new Date().toISOString() };
    await token(); // signed in (again) before the clock starts, not inside the interval
    const started = process.hrtime.bigint();
    await api('POST', `/api/api-keys/${key.id}/observations`, observation, { retry: false });
    let mail = null;
    while (!mail && elapsedMs(started, process.hrtime.bigint()) < timeoutMs) {
      mail = (await inbox(recipient))[0] ?? null;
      if (!mail) await sleep(20);
    }
    const ms = elapsedMs(started, process.hrtime.bigint());
    // The rule is new and its recipient this run's alone, so any mail is its alert; it must be about this reading,
    // not one of the poller's own probes that happened to come first.
    if (!mail) {
      outcome = `no mail within ${timeoutMs} ms`;
    } else if (!mail.subject.startsWith('[Quotah] CRITICAL: ') || !mail.subject.includes(`at ${usedWords} used`)) {
      outcome = `a mail about another reading: ${mail.subject}`;
    } else {
      samples.push(ms);
      measured = true;
      outcome = `${round(ms)} ms`;
    }
  } catch (error) {
    outcome = `failed: ${error.message}`;
  } finally {
    await api('DELETE', `/api/alerts/configs/${rule.id}`);
    // back below the threshold, so no later rule fires on this reading before its own run's
    await api('POST', `/api/api-keys/${key.id}/observations`, { model, headers: headersOf(key.provider, limit, limit) });
  }
  if (!measured) failed++;
  console.log(`run ${String(i).padStart(2)}: ${outcome}`);
}

// Deleting a rule resolves its alert but leaves it unacknowledged: acknowledge this run's, so the account's bell
// does not count them. Paced at 10 a second, well inside the gateway's 20 per user.
const ours = [];
for (let page = 0; ; page++) {
  const history = await api('GET', `/api/alerts?acknowledged=false&size=100&page=${page}`);
  ours.push(...history.items.filter((item) => item.ruleName?.startsWith(`Bench ${run} #`)));
  if (page + 1 >= history.totalPages) break;
}
let acknowledged = 0;
for (const alert of ours) {
  await api('POST', `/api/alerts/${alert.id}/acknowledge`);
  acknowledged++;
  await sleep(100);
}
console.error(`Acknowledged the ${acknowledged} alerts of this run.`);

const figures = summarize(samples);
console.log(`snapshot to email, ${figures.count} runs: p50 ${round(figures.p50)} ms, p95 ${round(figures.p95)} ms, `
  + `max ${round(figures.max)} ms${failed ? `; ${failed} failed` : ''}`);
console.log(JSON.stringify({ runs, delivered: figures.count, failed, p50Ms: round(figures.p50),
  p95Ms: round(figures.p95), maxMs: round(figures.max), key: key.label, model }));
process.exit(failed ? 1 : 0);
