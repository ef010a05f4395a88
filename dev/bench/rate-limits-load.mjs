#!/usr/bin/env node
// Load benchmark of GET /api/multi/rate-limits through the gateway: N virtual users, each in a closed loop
// (request, wait for the whole answer, think, again), spread over enough accounts that no account goes past
// the gateway's per-user limit. Plain Node 20, no dependencies. See dev/bench/README.md.
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { elapsedMs, isSuccess, round, summarize } from './stats.mjs';

/** The gateway allows 20 requests a second per user (burst 40); staying at 15 leaves room for jitter. */
export const PER_ACCOUNT_CEILING = 15;
const GATEWAY_PER_USER_LIMIT = 20;
/** The name auth-service gives the refresh cookie (quotah.auth.refresh-cookie). */
const REFRESH_COOKIE = 'quotah_refresh';
/** Bench accounts' password: they live for one run against a local stack and are closed at its end. */
const BENCH_PASSWORD = 'bench-only-password-123';
/** More failures than this share of the measured requests make the run a failed one (exit code 1). */
const MAX_FAILED_PERCENT = 1;
/** Keys that dev/provider-simulator's default scenario knows, as the demo account gets them (DemoAccount.java). */
const SIMULATED_KEYS = [
  { provider: 'ANTHROPIC', label: 'Bench Anthropic (simulated)', key: 'sk-ant-api03-demo-only-anthropic-key-0001', probing: true },
  { provider: 'OPENAI', label: 'Bench OpenAI (simulated)', key: 'sk-proj-demo-only-openai-key-000000000001', probing: true },
];

const USAGE = `Usage: node dev/bench/rate-limits-load.mjs [options]

Measures GET <path> through the gateway at N concurrent virtual users. Every option can also be given
by the environment variable in brackets; an option on the command line wins.

  --base-url=URL          gateway address [BASE_URL] (http://localhost:8080)
  --email=EMAIL           an existing account, used as the first of the accounts [EMAIL]
                          (demo@quotah.local: the local stack's demo account, demo only); empty: none
  --password=PASSWORD     its password [PASSWORD] (demo-only-password: demo only)
  --users=N               concurrent virtual users [USERS] (100)
  --duration=SECONDS      measured time [DURATION] (30)
  --warmup=SECONDS        time before it, not counted [WARMUP] (5)
  --think-ms=MS           pause between a user's answer and its next request [THINK_MS] (1000)
  --path=PATH             what to GET [BENCH_PATH; not PATH, the shell's] (/api/multi/rate-limits)
  --accounts=N            accounts to spread the users over [ACCOUNTS]
                          (default: enough that each makes at most ${PER_ACCOUNT_CEILING} requests a second)
  --timeout-ms=MS         a request unanswered this long is a failure [TIMEOUT_MS] (10000)
  --sign-ins-per-minute=N the gateway's sign-in limit per address [SIGN_INS_PER_MINUTE] (10)
  --simulated-keys        give each bench account the provider simulator's two demo keys, so its answer
                          is not an empty workspace's (only against ./quotah up, whose poller calls the simulator)
  --keep-accounts         do not close the bench accounts at the end
  -h, --help              this text

ACCESS_TOKENS (environment only: comma-separated bearer tokens) skips signing in and creating accounts;
such tokens are not refreshed, so they must outlive warm-up plus duration (access tokens last 5 minutes).

Results go to standard output, ending with a one-line JSON summary; progress goes to standard error.
Exit code 1 when more than ${MAX_FAILED_PERCENT} % of the measured requests failed (non-2xx or no answer),
or nothing could be measured; 2 for a usage error.`;

class UsageError extends Error {}
class Interrupted extends Error {}

// ---------------------------------------------------------------- configuration

/** The run's settings from command-line arguments and the environment (arguments win). */
export function readConfig(argv, env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        users: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        'think-ms': { type: 'string' },
        path: { type: 'string' },
        accounts: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'sign-ins-per-minute': { type: 'string' },
        'simulated-keys': { type: 'boolean' },
        'keep-accounts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new UsageError(e.message);
  }
  if (parsed.help) {
    return { help: true };
  }
  const pick = (option, variable, fallback) => parsed[option] ?? env[variable] ?? fallback;
  const number = (option, variable, fallback, { min = 0, integer = true } = {}) => {
    const raw = pick(option, variable, undefined);
    if (raw === undefined || raw === '') {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      throw new UsageError(`--${option} (${variable}) must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, not '${raw}'`);
    }
    return value;
  };

  const baseUrl = String(pick('base-url', 'BASE_URL', 'http://localhost:8080')).replace(/\/+$/, '');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error();
    }
  } catch {
    throw new UsageError(`--base-url (BASE_URL) must be an http or https address, not '${baseUrl}'`);
  }
  const path = String(pick('path', 'BENCH_PATH', '/api/multi/rate-limits'));
  if (!path.startsWith('/')) {
    throw new UsageError(`--path (BENCH_PATH) must start with '/', not '${path}'`);
  }
  const users = number('users', 'USERS', 100, { min: 1 });
  const thinkMs = number('think-ms', 'THINK_MS', 1000, { integer: false });
  const accessTokens = (env.ACCESS_TOKENS ?? '').split(',').map((token) => token.trim()).filter(Boolean);
  return {
    help: false,
    baseUrl,
    path,
    email: String(pick('email', 'EMAIL', 'demo@quotah.local')).trim(),
    password: String(pick('password', 'PASSWORD', 'demo-only-password')),
    users,
    durationS: number('duration', 'DURATION', 30, { min: 1, integer: false }),
    warmupS: number('warmup', 'WARMUP', 5, { integer: false }),
    thinkMs,
    accounts: number('accounts', 'ACCOUNTS', accountsNeeded(users, thinkMs), { min: 1 }),
    timeoutMs: number('timeout-ms', 'TIMEOUT_MS', 10_000, { min: 1 }),
    signInsPerMinute: number('sign-ins-per-minute', 'SIGN_INS_PER_MINUTE', 10, { min: 1, integer: false }),
    simulatedKeys: Boolean(parsed['simulated-keys']),
    keepAccounts: Boolean(parsed['keep-accounts']),
    accessTokens,
  };
}

/**
 * How many accounts keep each at most {@link PER_ACCOUNT_CEILING} requests a second, when a user makes at
 * most one request per think time: ceil(users * 1000 / thinkMs / 15), except that whole users are counted
 * per account so none goes over. Without think time a user alone may go over: one account each.
 */
export function accountsNeeded(users, thinkMs) {
  const usersPerAccount = Math.max(1, Math.floor((PER_ACCOUNT_CEILING * thinkMs) / 1000));
  return Math.min(users, Math.ceil(users / usersPerAccount));
}

/** When to refresh a token that lives this long: a minute before it expires, or halfway through a short life. */
export function refreshDelayMs(lifeMs) {
  if (lifeMs <= 0) {
    return 0;
  }
  return lifeMs > 120_000 ? lifeMs - 60_000 : lifeMs / 2;
}

/** Milliseconds a 429's Retry-After asks for (seconds or an HTTP date); one second when it says nothing usable. */
export function retryAfterMs(value, now = Date.now()) {
  if (value === undefined || value === null || String(value).trim() === '') {
    return 1000;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - now);
}

/** The refresh token from a sign-in's Set-Cookie headers, or null (absent, or cleared by a sign-out). */
export function refreshCookieFrom(setCookie) {
  for (const header of [setCookie ?? []].flat()) {
    const [pair] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === REFRESH_COOKIE) {
      const value = pair.slice(separator + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}

/** When a JWT expires (epoch milliseconds), read without checking it; null when it is not a readable JWT. */
export function tokenExpiresAt(token) {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- HTTP

/** One HTTP exchange over a keep-alive agent; the answer is read to its end, its body kept only if asked. */
function exchange(client, method, path, { headers = {}, json, keepBody = true } = {}) {
  return new Promise((resolve, reject) => {
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const allHeaders = { accept: 'application/json', ...headers };
    if (payload) {
      allHeaders['content-type'] = 'application/json';
      allHeaders['content-length'] = payload.length;
    }
    let settled = false;
    const fail = (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    };
    const request = client.transport.request(client.baseUrl + path, { method, agent: client.agent, headers: allHeaders });
    request.setTimeout(client.timeoutMs, () => {
      const error = new Error(`no answer within ${client.timeoutMs} ms`);
      error.code = 'TIMEOUT';
      request.destroy(error);
    });
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks = [];
      let bytes = 0;
      response.on('data', (chunk) => {
        bytes += chunk.length;
        if (keepBody) {
          chunks.push(chunk);
        }
      });
      response.on('error', fail);
      response.on('close', () => {
        if (!response.complete) {
          fail(Object.assign(new Error('the answer was cut off'), { code: 'CUT_OFF' }));
        }
      });
      response.on('end', () => {
        if (!settled) {
          settled = true;
          resolve({ status: response.statusCode, headers: response.headers, bytes,
            body: keepBody ? Buffer.concat(chunks).toString('utf8') : '' });
        }
      });
    });
    request.end(payload);
  });
}

function describe(response) {
  let detail = response.body.slice(0, 300);
  try {
    const problem = JSON.parse(response.body);
    detail = problem.detail ?? problem.title ?? detail;
  } catch {
    // not JSON: the start of the body says enough
  }
  return `HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
}

// ---------------------------------------------------------------- accounts

const log = (line) => process.stderr.write(`${line}\n`);

/** Signs in, registers and refreshes accounts; waits out the gateway's sign-in limit when it answers 429. */
class Accounts {
  constructor(client, config, signal) {
    this.client = client;
    this.config = config;
    this.signal = signal;
    this.all = [];
    this.refreshTimers = new Set();
    this.refreshing = true;
  }

  /** A sign-up or sign-in, repeated after a 429 for as long as the gateway asks (at least its pace). */
  async signInRoute(method, path, json, label) {
    const pace = 60_000 / this.config.signInsPerMinute;
    for (;;) {
      this.throwIfInterrupted();
      const response = await this.call(method, path, { json });
      if (response.status !== 429) {
        return response;
      }
      const waitMs = Math.max(retryAfterMs(response.headers['retry-after']), pace);
      log(`    ${label}: the gateway limits sign-ins per address (429); again in ${round(waitMs / 1000, 1)} s`);
      await this.pause(waitMs);
    }
  }

  async call(method, path, options) {
    try {
      return await exchange(this.client, method, path, options);
    } catch (e) {
      throw new Error(`${method} ${this.client.baseUrl}${path} failed: ${e.code ?? e.message}`
          + (e.code === 'ECONNREFUSED' ? ' (is the stack up? ./quotah up)' : ''));
    }
  }

  async signIn(email, password, { created }) {
    const response = await this.signInRoute('POST', '/api/auth/login', { email, password }, `sign-in of ${email}`);
    if (response.status !== 200) {
      throw new Error(`signing in as ${email} was refused: ${describe(response)}`
          + (created ? '' : ' (set EMAIL and PASSWORD, --email= for none, or ACCESS_TOKENS)'));
    }
    const account = { email, password, created, token: null, refreshCookie: null, expiresAt: null };
    this.accept(account, response);
    this.all.push(account);
    this.scheduleRefresh(account);
    return account;
  }

  async register() {
    const email = `bench-${randomBytes(6).toString('hex')}@example.com`;
    const response = await this.signInRoute('POST', '/api/auth/register',
        { email, password: BENCH_PASSWORD, displayName: 'Bench' }, `sign-up of ${email}`);
    if (response.status !== 201) {
      throw new Error(`registering ${email} was refused: ${describe(response)}`);
    }
    let account;
    try {
      account = await this.signIn(email, BENCH_PASSWORD, { created: true });
    } catch (e) {
      log(`  ${email} was opened but not signed in, so it stays open (password ${BENCH_PASSWORD})`);
      throw e;
    }
    if (this.config.simulatedKeys) {
      for (const key of SIMULATED_KEYS) {
        const added = await this.call('POST', '/api/api-keys', { json: key, headers: this.bearer(account) });
        if (added.status !== 201) {
          throw new Error(`adding a simulated ${key.provider} key to ${email} was refused: ${describe(added)}`);
        }
      }
    }
    return account;
  }

  /** Takes the access token and the refresh cookie of a sign-in or refresh answer. */
  accept(account, response) {
    let body;
    try {
      body = JSON.parse(response.body);
    } catch {
      body = {};
    }
    if (typeof body.accessToken !== 'string') {
      throw new Error(`the answer to signing in as ${account.email} has no accessToken`);
    }
    account.token = body.accessToken;
    account.refreshCookie = refreshCookieFrom(response.headers['set-cookie']) ?? account.refreshCookie;
    account.expiresAt = Number.isFinite(body.expiresIn) ? Date.now() + body.expiresIn * 1000
        : tokenExpiresAt(body.accessToken);
  }

  bearer(account) {
    return { authorization: `Bearer ${account.token}` };
  }

  /**
   * Refreshes a token before it expires, from the moment it is issued: opening many accounts at the
   * sign-in limit's pace can take longer than a token lives.
   */
  scheduleRefresh(account) {
    if (!this.refreshing || !account.expiresAt || (!account.refreshCookie && !account.password)) {
      return;
    }
    const timer = setTimeout(() => {
      this.refreshTimers.delete(timer);
      this.refresh(account).catch((e) => {
        if (!(e instanceof Interrupted)) {
          log(`  could not refresh the token of ${account.email}: ${e.message}; `
              + `its requests fail from ${new Date(account.expiresAt).toISOString()}`);
        }
      });
    }, refreshDelayMs(account.expiresAt - Date.now()));
    this.refreshTimers.add(timer);
  }

  async refresh(account) {
    if (account.refreshCookie) {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        this.throwIfInterrupted();
        const response = await this.call('POST', '/api/auth/refresh',
            { headers: { cookie: `${REFRESH_COOKIE}=${account.refreshCookie}` } });
        if (response.status === 200) {
          this.accept(account, response);
          this.scheduleRefresh(account);
          return;
        }
        if (response.status !== 429) {
          log(`  refreshing the token of ${account.email}: ${describe(response)}; signing in again`);
          break;
        }
        await this.pause(retryAfterMs(response.headers['retry-after']));
      }
    }
    const response = await this.signInRoute('POST', '/api/auth/login',
        { email: account.email, password: account.password }, `sign-in again of ${account.email}`);
    if (response.status !== 200) {
      throw new Error(describe(response));
    }
    this.accept(account, response);
    this.scheduleRefresh(account);
    log(`  signed in again as ${account.email}`);
  }

  stopRefreshing() {
    this.refreshing = false;
    for (const timer of this.refreshTimers) {
      clearTimeout(timer);
    }
    this.refreshTimers.clear();
  }

  /** Closes the accounts this run opened (never the one it was given), which purges their workspaces. */
  async closeCreated() {
    const created = this.all.filter((account) => account.created);
    if (created.length === 0) {
      return;
    }
    if (this.config.keepAccounts) {
      log(`kept ${created.length} bench accounts (password ${BENCH_PASSWORD}): ${created.map((a) => a.email).join(', ')}`);
      return;
    }
    let closed = 0;
    const left = [];
    for (const account of created) {
      try {
        const response = await exchange(this.client, 'DELETE', '/api/auth/me',
            { json: { password: account.password }, headers: this.bearer(account) });
        if (response.status === 204) {
          closed += 1;
        } else {
          left.push(`${account.email} (${describe(response)})`);
        }
      } catch (e) {
        left.push(`${account.email} (${e.code ?? e.message})`);
      }
    }
    log(`closed ${closed} of ${created.length} bench accounts`
        + (left.length ? `; still open (password ${BENCH_PASSWORD}): ${left.join(', ')}` : ''));
  }

  throwIfInterrupted() {
    if (this.signal.aborted) {
      throw new Interrupted('interrupted');
    }
  }

  async pause(ms) {
    try {
      await sleep(ms, undefined, { signal: this.signal });
    } catch {
      throw new Interrupted('interrupted');
    }
  }
}

/** The accounts the virtual users share: given tokens, or the given account plus as many bench accounts as needed. */
async function prepareAccounts(accounts, config) {
  if (config.accessTokens.length > 0) {
    log(`using ${config.accessTokens.length} token(s) from ACCESS_TOKENS (not refreshed)`);
    return config.accessTokens.map((token, index) => ({
      email: `ACCESS_TOKENS[${index}]`, password: null, created: false, token, refreshCookie: null,
      expiresAt: tokenExpiresAt(token),
    }));
  }
  const wanted = config.accounts;
  const toCreate = config.email ? wanted - 1 : wanted;
  const signIns = (config.email ? 1 : 0) + toCreate * 2;
  const burst = config.signInsPerMinute;
  const estimateS = Math.max(0, signIns - burst) * (60 / config.signInsPerMinute);
  log(`accounts: ${wanted} (${config.email ? `${config.email} and ` : ''}${toCreate} bench account(s) opened for this run`
      + `${config.simulatedKeys ? ', each with the simulator\'s two keys' : ''}); ${signIns} sign-ins at `
      + `${config.signInsPerMinute} a minute per address: about ${Math.ceil(estimateS)} s`);
  const result = [];
  if (config.email) {
    result.push(await accounts.signIn(config.email, config.password, { created: false }));
    log(`  1/${wanted} signed in as ${config.email}`);
  }
  while (result.length < wanted) {
    const account = await accounts.register();
    result.push(account);
    log(`  ${result.length}/${wanted} opened and signed in ${account.email}`);
  }
  return result;
}

// ---------------------------------------------------------------- the load

/** What the virtual users saw: every request of the measured window, and a count of the warm-up's. */
class Recorder {
  constructor(measureFromNs) {
    this.measureFromNs = measureFromNs;
    this.latenciesOk = [];
    this.outcomes = new Map();
    this.measured = 0;
    this.failed = 0;
    this.okBytes = 0;
    this.warmup = 0;
    this.recent = { requests: 0, failed: 0 };
  }

  record(startNs, endNs, outcome, bytes) {
    this.recent.requests += 1;
    if (!isSuccess(outcome)) {
      this.recent.failed += 1;
    }
    if (startNs < this.measureFromNs) {
      this.warmup += 1;
      return;
    }
    this.measured += 1;
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    if (isSuccess(outcome)) {
      this.latenciesOk.push(elapsedMs(startNs, endNs));
      this.okBytes += bytes;
    } else {
      this.failed += 1;
    }
  }

  takeRecent() {
    const recent = this.recent;
    this.recent = { requests: 0, failed: 0 };
    return recent;
  }
}

/** One dashboard user: asks, reads the whole answer, thinks, asks again, until the end. */
async function virtualUser(client, account, config, window, recorder, signal) {
  try {
    if (config.thinkMs > 0) {
      await sleep(Math.random() * config.thinkMs, undefined, { signal });
    }
    while (!signal.aborted) {
      const startNs = process.hrtime.bigint();
      if (startNs >= window.endNs) {
        return;
      }
      let outcome;
      let bytes = 0;
      let waitMs = config.thinkMs;
      try {
        const response = await exchange(client, 'GET', config.path,
            { headers: { authorization: `Bearer ${account.token}` }, keepBody: false });
        outcome = String(response.status);
        bytes = response.bytes;
        if (response.status === 429) {
          waitMs = Math.max(waitMs, retryAfterMs(response.headers['retry-after']));
        }
      } catch (e) {
        outcome = `error:${e.code ?? e.name}`;
      }
      const endNs = process.hrtime.bigint();
      recorder.record(startNs, endNs, outcome, bytes);
      if (Number(window.endNs - endNs) / 1e6 <= waitMs) {
        return;
      }
      if (waitMs > 0) {
        await sleep(waitMs, undefined, { signal });
      }
    }
  } catch (e) {
    if (e.name !== 'AbortError') {
      throw e;
    }
  }
}

async function runLoad(client, tokens, config, signal) {
  const startNs = process.hrtime.bigint();
  const window = {
    fromNs: startNs + BigInt(Math.round(config.warmupS * 1e9)),
    endNs: startNs + BigInt(Math.round((config.warmupS + config.durationS) * 1e9)),
  };
  const recorder = new Recorder(window.fromNs);
  log(`load: ${config.users} users, think ${config.thinkMs} ms, ${tokens.length} account(s); `
      + `warm-up ${config.warmupS} s, then ${config.durationS} s measured`);
  let lastNs = startNs;
  const progress = setInterval(() => {
    const nowNs = process.hrtime.bigint();
    const recent = recorder.takeRecent();
    const seconds = Number(nowNs - lastNs) / 1e9;
    const phase = nowNs < window.fromNs ? 'warm-up' : 'measuring';
    lastNs = nowNs;
    log(`  [${String(Math.round(Number(nowNs - startNs) / 1e9)).padStart(4)} s] ${phase.padEnd(9)} `
        + `${round(recent.requests / seconds, 1)} req/s, ${recent.failed} failed; measured so far ${recorder.measured}`);
  }, 5000);
  let stoppedNs = null;
  signal.addEventListener('abort', () => {
    stoppedNs = process.hrtime.bigint();
  }, { once: true });
  try {
    await Promise.all(Array.from({ length: config.users },
        (_, index) => virtualUser(client, tokens[index % tokens.length], config, window, recorder, signal)));
  } finally {
    clearInterval(progress);
  }
  const measuredEndNs = stoppedNs !== null && stoppedNs < window.endNs ? stoppedNs : window.endNs;
  const measuredS = Math.max(0, Number(measuredEndNs - window.fromNs) / 1e9);
  return { recorder, measuredS, interrupted: stoppedNs !== null && stoppedNs < window.endNs };
}

// ---------------------------------------------------------------- the report

/** The figures of a run, as they go into the one-line JSON summary. */
export function results(config, accountCount, { recorder, measuredS, interrupted }) {
  const latency = summarize(recorder.latenciesOk);
  const statuses = Object.fromEntries([...recorder.outcomes.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const failedPercent = recorder.measured ? (recorder.failed / recorder.measured) * 100 : 0;
  return {
    bench: 'rate-limits-load',
    at: new Date().toISOString(),
    baseUrl: config.baseUrl,
    path: config.path,
    users: config.users,
    thinkMs: config.thinkMs,
    accounts: accountCount,
    warmupS: config.warmupS,
    durationS: round(measuredS, 3),
    interrupted,
    requests: recorder.measured,
    throughputPerS: measuredS > 0 ? round(recorder.measured / measuredS, 2) : null,
    ok: recorder.measured - recorder.failed,
    failed: recorder.failed,
    failedPercent: round(failedPercent, 3),
    tooManyRequests: recorder.outcomes.get('429') ?? 0,
    statuses,
    latencyMs: Object.fromEntries(['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'max']
        .map((name) => [name, round(latency[name], 2)])),
    meanOkBytes: latency.count ? Math.round(recorder.okBytes / latency.count) : null,
    warmupRequests: recorder.warmup,
    node: process.version,
    passed: recorder.measured > 0 && failedPercent <= MAX_FAILED_PERCENT,
  };
}

function printResults(summary) {
  const l = summary.latencyMs;
  const others = Object.entries(summary.statuses).filter(([status]) => status !== '429')
      .map(([status, count]) => `${status}: ${count}`).join(', ') || 'none';
  const lines = [
    '',
    `Quotah load benchmark: GET ${summary.path} at ${summary.baseUrl}`,
    `  users          ${summary.users} (think ${summary.thinkMs} ms) over ${summary.accounts} account(s)`,
    `  measured       ${summary.durationS} s after ${summary.warmupS} s warm-up${summary.interrupted ? ' (cut short by Ctrl-C)' : ''}`,
    `  requests       ${summary.requests}`,
    `  throughput     ${summary.throughputPerS ?? '-'} req/s`,
    `  statuses       ${others}`,
    `  429            ${summary.tooManyRequests}`,
    `  failed         ${summary.failed} (${summary.failedPercent} %; non-2xx or no answer)`,
    `  latency, ms    p50 ${l.p50 ?? '-'}  p90 ${l.p90 ?? '-'}  p95 ${l.p95 ?? '-'}  p99 ${l.p99 ?? '-'}  max ${l.max ?? '-'}`
        + `   (${summary.ok} answers 2xx; min ${l.min ?? '-'}, mean ${l.mean ?? '-'})`,
    `  answer size    ${summary.meanOkBytes ?? '-'} bytes on average`,
    `  verdict        ${summary.passed ? 'passed' : summary.requests === 0 ? 'FAILED: nothing was measured'
        : `FAILED: more than ${MAX_FAILED_PERCENT} % of the requests failed`}`,
    '',
    JSON.stringify(summary),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------- main

async function main() {
  let config;
  try {
    config = readConfig(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const abort = new AbortController();
  setMaxListeners(config.users + 100, abort.signal); // every sleeping user listens to it
  process.on('SIGINT', () => {
    if (abort.signal.aborted) {
      process.exit(130);
    }
    log('stopping (Ctrl-C again quits at once, leaving bench accounts open)');
    abort.abort();
  });

  const secure = config.baseUrl.startsWith('https:');
  const client = {
    baseUrl: config.baseUrl,
    transport: secure ? https : http,
    agent: new (secure ? https : http).Agent({ keepAlive: true, maxSockets: config.users + 4 }),
    timeoutMs: config.timeoutMs,
  };
  const accounts = new Accounts(client, config, abort.signal);
  try {
    const tokens = await prepareAccounts(accounts, config);
    warnAboutLimits(config, tokens);
    const run = await runLoad(client, tokens, config, abort.signal);
    accounts.stopRefreshing();
    const summary = results(config, tokens.length, run);
    printResults(summary);
    return summary.passed ? 0 : 1;
  } catch (e) {
    if (e instanceof Interrupted) {
      log('interrupted before the load started');
      return 130;
    }
    log(`the benchmark could not run: ${e.message}`);
    return 1;
  } finally {
    accounts.stopRefreshing();
    await accounts.closeCreated();
    client.agent.destroy();
  }
}

function warnAboutLimits(config, tokens) {
  const usersPerAccount = Math.ceil(config.users / tokens.length);
  const perAccount = config.thinkMs > 0 ? (usersPerAccount * 1000) / config.thinkMs : Infinity;
  if (perAccount > GATEWAY_PER_USER_LIMIT) {
    log(`warning: up to ${usersPerAccount} users share an account, each asking `
        + `${config.thinkMs > 0 ? `once per ${config.thinkMs} ms` : 'without pause'}: more than the gateway's `
        + `${GATEWAY_PER_USER_LIMIT} requests a second per user is likely, and its 429s count as failures`);
  }
  const endsAt = Date.now() + (config.warmupS + config.durationS) * 1000;
  const expiring = tokens.filter((t) => !t.refreshCookie && !t.password && t.expiresAt && t.expiresAt < endsAt);
  if (expiring.length > 0) {
    log(`warning: ${expiring.length} token(s) from ACCESS_TOKENS expire before the run ends and are not refreshed`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
