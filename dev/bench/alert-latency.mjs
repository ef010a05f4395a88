#!/usr/bin/env node
// Alert latency benchmark: the time from the rate-limit reading that crosses a rule's threshold to the email in the
// mail catcher, against a running ./quotah up. Each run makes a fresh 80 % rule with a recipient of its own on one
// of the account's keys, posts an observation (the headers a provider answered with) at 99 % used, and watches the
// catcher's API for that recipient's mail. The path measured: gateway, provider-poller-service (the snapshot to
// Kafka), alert-service (evaluation, outbox), notification-service (queue, template, SMTP), the catcher.
// Plain Node 20, no dependencies. See dev/bench/README.md.
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { elapsedMs, round, summarize } from './stats.mjs';

const USAGE = `Usage: node dev/bench/alert-latency.mjs [options]

  --base-url=URL     gateway [BASE_URL] (http://localhost:8080)
  --mail-url=URL     the mail catcher's API [MAIL_CATCHER_URL] (http://localhost:8025)
  --email=EMAIL      an account with at least one watched key [EMAIL] (demo@quotah.local: demo only)
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

async function api(method, path, token, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The recipient's messages in the catcher; none yet is a 400 "User not found" there. */
async function inbox(address) {
  const response = await fetch(`${mailUrl}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
  if (response.status === 400) return [];
  if (!response.ok) throw new Error(`mail catcher: HTTP ${response.status}`);
  return response.json();
}

const { accessToken } = await api('POST', '/api/auth/login', null, { email, password });
const keys = await api('GET', '/api/api-keys', accessToken);
const key = keys.find((candidate) => candidate.provider === 'ANTHROPIC') ?? keys[0];
if (!key) throw new Error(`${email} watches no key: add one first`);
const run = randomUUID().slice(0, 8);
console.error(`Measuring ${runs} alerts on ${key.label} (${key.provider}) of ${email}...`);

const samples = [];
let failed = 0;
for (let i = 1; i <= runs; i++) {
  const recipient = `bench-${run}-${i}@example.com`;
  const rule = await api('POST', '/api/alerts/configs', accessToken, {
    name: `Bench ${run} #${i}`, kind: 'RATE_LIMIT', thresholdPercent: 80, connectionId: key.id,
    channels: [{ type: 'EMAIL', target: recipient }],
  });
  const observedAt = new Date().toISOString();
  const resetAt = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const headers = key.provider === 'ANTHROPIC'
    ? { 'anthropic-ratelimit-requests-limit': '1000', 'anthropic-ratelimit-requests-remaining': '10',
        'anthropic-ratelimit-requests-reset': resetAt }
    : { 'x-ratelimit-limit-requests': '1000', 'x-ratelimit-remaining-requests': '10',
        'x-ratelimit-reset-requests': '60s' };
  const started = process.hrtime.bigint();
  await api('POST', `/api/api-keys/${key.id}/observations`, accessToken, { headers, observedAt });
  let arrived = false;
  while (elapsedMs(started, process.hrtime.bigint()) < timeoutMs) {
    if ((await inbox(recipient)).length > 0) {
      arrived = true;
      break;
    }
    await sleep(20);
  }
  const ms = elapsedMs(started, process.hrtime.bigint());
  if (arrived) {
    samples.push(ms);
    console.log(`run ${String(i).padStart(2)}: ${round(ms)} ms`);
  } else {
    failed++;
    console.log(`run ${String(i).padStart(2)}: no mail within ${timeoutMs} ms`);
  }
  await api('DELETE', `/api/alerts/configs/${rule.id}`, accessToken);
  // back below the threshold, so the next run's reading crosses it again
  await api('POST', `/api/api-keys/${key.id}/observations`, accessToken, {
    headers: key.provider === 'ANTHROPIC'
      ? { 'anthropic-ratelimit-requests-limit': '1000', 'anthropic-ratelimit-requests-remaining': '1000',
          'anthropic-ratelimit-requests-reset': resetAt }
      : { 'x-ratelimit-limit-requests': '1000', 'x-ratelimit-remaining-requests': '1000',
          'x-ratelimit-reset-requests': '1s' },
  });
}

const figures = summarize(samples);
console.log(`snapshot to email, ${figures.count} runs: p50 ${round(figures.p50)} ms, p95 ${round(figures.p95)} ms, `
  + `max ${round(figures.max)} ms${failed ? `; ${failed} failed` : ''}`);
console.log(JSON.stringify({ runs, delivered: figures.count, failed, p50Ms: round(figures.p50),
  p95Ms: round(figures.p95), maxMs: round(figures.max) }));
process.exit(failed ? 1 : 0);
