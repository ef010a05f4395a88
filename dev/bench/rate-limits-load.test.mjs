// node --test dev/bench/rate-limits-load.test.mjs
// Runs the benchmark end to end against a small stand-in of the gateway (node:http): sign-up and sign-in
// limited per address with 429 + Retry-After, short-lived tokens with a rotating refresh cookie, a per-user
// limit, and an occasional 429 or failure on the measured path.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./rate-limits-load.mjs', import.meta.url));

function jwt(subject, expiresAtMs) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: subject, exp: Math.floor(expiresAtMs / 1000) })}.${randomBytes(8).toString('hex')}`;
}

/** The gateway as the benchmark sees it; `failEvery` makes every n-th measured GET a 500. */
async function fakeGateway({ tokenLifeS = 2, signInBurst = 3, tooManyEvery = 250, failEvery = 0 } = {}) {
  const users = new Map([['demo@quotah.local', { password: 'demo-only-password', keys: 2 }]]);
  const tokens = new Map(); // access token -> { email, expiresAt }
  const refreshTokens = new Map(); // refresh token -> email
  const seen = { signIns: 0, signInRefusals: 0, gets: 0, getsBySecondAndUser: new Map(), expiredTokenUses: 0,
    refreshes: 0, closed: [], keysAdded: 0, unauthorized: 0 };
  let signInBucket = signInBurst;

  const body = (request) => new Promise((resolve) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : null));
  });
  const send = (response, status, json, headers = {}) => {
    const payload = json === undefined ? '' : JSON.stringify(json);
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(payload);
  };
  const issue = (response, email) => {
    const expiresAt = Date.now() + tokenLifeS * 1000;
    const accessToken = jwt(email, expiresAt);
    tokens.set(accessToken, { email, expiresAt });
    const refresh = randomBytes(12).toString('hex');
    refreshTokens.set(refresh, email);
    send(response, 200, { accessToken, tokenType: 'Bearer', expiresIn: tokenLifeS },
        { 'set-cookie': [`quotah_refresh=${refresh}; Path=/api/auth; Max-Age=1800; HttpOnly; SameSite=Strict`] });
  };
  const caller = (request) => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const known = tokens.get(token);
    if (!known) {
      return null;
    }
    if (known.expiresAt < Date.now()) {
      seen.expiredTokenUses += 1;
      return null;
    }
    return known.email;
  };
  const refill = setInterval(() => {
    signInBucket = Math.min(signInBurst, signInBucket + 1);
  }, 100);

  const server = http.createServer(async (request, response) => {
    const json = await body(request);
    const route = `${request.method} ${request.url}`;
    if (route === 'POST /api/auth/register' || route === 'POST /api/auth/login') {
      if (signInBucket <= 0) {
        seen.signInRefusals += 1;
        return send(response, 429, undefined, { 'retry-after': '0' });
      }
      signInBucket -= 1;
      seen.signIns += 1;
      if (route === 'POST /api/auth/register') {
        assert.match(json.email, /^bench-[0-9a-f]+@example\.com$/);
        assert.equal(json.displayName, 'Bench');
        users.set(json.email, { password: json.password, keys: 0 });
        return send(response, 201, { id: json.email, email: json.email });
      }
      const user = users.get(json.email);
      return user && user.password === json.password ? issue(response, json.email)
          : send(response, 401, { detail: 'Wrong email or password' });
    }
    if (route === 'POST /api/auth/refresh') {
      const cookie = /quotah_refresh=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
      const email = refreshTokens.get(cookie);
      refreshTokens.delete(cookie); // rotating: each refresh token works once
      if (!email) {
        return send(response, 401, { detail: 'The session has ended: sign in again' });
      }
      seen.refreshes += 1;
      return issue(response, email);
    }
    if (route === 'GET /api/multi/rate-limits') {
      seen.gets += 1;
    }
    const email = caller(request);
    if (!email) {
      seen.unauthorized += 1;
      return send(response, 401, { detail: 'unauthorized' });
    }
    if (route === 'POST /api/api-keys') {
      users.get(email).keys += 1;
      seen.keysAdded += 1;
      return send(response, 201, { id: randomBytes(4).toString('hex') });
    }
    if (route === 'DELETE /api/auth/me') {
      if (json?.password !== users.get(email).password) {
        return send(response, 403, { detail: 'wrong password' });
      }
      users.delete(email);
      seen.closed.push(email);
      return send(response, 204);
    }
    if (route === 'GET /api/multi/rate-limits') {
      const key = `${Math.floor(Date.now() / 1000)} ${email}`;
      const thisSecond = (seen.getsBySecondAndUser.get(key) ?? 0) + 1;
      seen.getsBySecondAndUser.set(key, thisSecond);
      if (thisSecond > 20 || seen.gets % tooManyEvery === 0) {
        return send(response, 429, undefined, { 'retry-after': '0' });
      }
      if (failEvery && seen.gets % failEvery === 0) {
        return send(response, 500, { detail: 'boom' });
      }
      return send(response, 200, { keys: Array.from({ length: users.get(email).keys }, (_, i) => ({ i })) });
    }
    return send(response, 404, { detail: route });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    seen,
    tokens: (count) => Array.from({ length: count }, (_, i) => {
      const token = jwt(`given-${i}`, Date.now() + 600_000);
      users.set(`given-${i}`, { password: 'x', keys: 1 });
      tokens.set(token, { email: `given-${i}`, expiresAt: Date.now() + 600_000 });
      return token;
    }),
    close: () => {
      clearInterval(refill);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function runBench(env, args = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      env: { ...process.env, SIGN_INS_PER_MINUTE: '600', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', (code) => {
      if (process.env.BENCH_TEST_VERBOSE) {
        process.stderr.write(`--- node rate-limits-load.mjs ${args.join(' ')} (exit ${code})\n${stderr}${stdout}`);
      }
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let summary = null;
      try {
        summary = JSON.parse(last);
      } catch {
        // no summary: the test says so with the output
      }
      resolve({ code, stdout, stderr, summary });
    });
  });
}

test('a healthy run: accounts opened past the sign-in limit, tokens refreshed, warm-up left out, accounts closed',
    { timeout: 60_000 }, async () => {
      const gateway = await fakeGateway({ tokenLifeS: 2 });
      try {
        const run = await runBench({ BASE_URL: gateway.url, USERS: '20', THINK_MS: '200', DURATION: '4', WARMUP: '1' },
            ['--simulated-keys']);
        const why = `${run.stdout}\n${run.stderr}`;
        assert.equal(run.code, 0, why);
        const summary = run.summary;
        assert.ok(summary, why);
        assert.equal(summary.path, '/api/multi/rate-limits', 'the shell PATH is not the benchmark path');
        assert.equal(summary.users, 20);
        assert.equal(summary.accounts, 7); // 3 users of 5 req/s each per account at most
        assert.equal(summary.passed, true);
        // every GET the gateway answered was recorded, either measured or warm-up
        assert.equal(summary.requests + summary.warmupRequests, gateway.seen.gets, why);
        assert.ok(summary.warmupRequests > 0 && summary.requests > 0, why);
        // 20 users asking every 200 ms and answered in about no time: about 100 a second
        assert.ok(summary.throughputPerS > 50 && summary.throughputPerS <= 101, `throughput ${summary.throughputPerS}`);
        assert.equal(summary.ok + summary.failed, summary.requests);
        assert.equal(summary.failed, summary.tooManyRequests, why); // the fake's only failures are its 429s
        assert.ok(summary.failedPercent < 1, why);
        const latency = summary.latencyMs;
        assert.ok(latency.min <= latency.p50 && latency.p50 <= latency.p90 && latency.p90 <= latency.p95
            && latency.p95 <= latency.p99 && latency.p99 <= latency.max, JSON.stringify(latency));
        // the demo account plus 6 bench accounts, each a sign-up and a sign-in, some after a 429
        assert.equal(gateway.seen.signIns, 1 + 6 * 2);
        assert.ok(gateway.seen.signInRefusals > 0, 'the sign-in limit was met and waited out');
        assert.equal(gateway.seen.keysAdded, 12);
        // tokens live 2 s and the run 5 s: only refreshing kept every request authorized
        assert.ok(gateway.seen.refreshes >= 7, `${gateway.seen.refreshes} refreshes`);
        assert.equal(gateway.seen.unauthorized, 0, 'no request went out with an expired token, warm-up included');
        assert.equal(gateway.seen.closed.length, 6);
        assert.ok(gateway.seen.closed.every((email) => email.startsWith('bench-')), 'the demo account is never closed');
        const busiest = Math.max(...gateway.seen.getsBySecondAndUser.values());
        assert.ok(busiest <= 20, `an account made ${busiest} requests in one second`);
        assert.match(run.stdout, /latency, ms\s+p50 [\d.]+\s+p90 [\d.]+\s+p95 [\d.]+\s+p99 [\d.]+\s+max [\d.]+/);
      } finally {
        await gateway.close();
      }
    });

test('more than 1 % failures fail the run, with given tokens and no sign-in', { timeout: 30_000 }, async () => {
  const gateway = await fakeGateway({ failEvery: 20 });
  try {
    const run = await runBench({ BASE_URL: gateway.url, ACCESS_TOKENS: gateway.tokens(2).join(','), USERS: '10',
      THINK_MS: '100', DURATION: '2', WARMUP: '0' });
    const why = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.code, 1, why);
    assert.equal(run.summary.passed, false);
    assert.equal(run.summary.accounts, 2);
    assert.ok(run.summary.statuses['500'] > 0, why);
    assert.ok(run.summary.failedPercent > 1, why);
    assert.equal(gateway.seen.signIns, 0);
    assert.match(run.stdout, /FAILED: more than 1 % of the requests failed/);
  } finally {
    await gateway.close();
  }
});

test('a wrong password for the given account stops before any load', { timeout: 30_000 }, async () => {
  const gateway = await fakeGateway();
  try {
    const run = await runBench({ BASE_URL: gateway.url, PASSWORD: 'not-the-password', USERS: '5', DURATION: '1' });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /signing in as demo@quotah\.local was refused: HTTP 401: Wrong email or password/);
    assert.equal(gateway.seen.gets, 0);
  } finally {
    await gateway.close();
  }
});

test('no gateway: a clear failure, not a fast run', { timeout: 30_000 }, async () => {
  const gateway = await fakeGateway();
  const { url } = gateway;
  await gateway.close();
  const run = await runBench({ BASE_URL: url, USERS: '5', DURATION: '1' });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /ECONNREFUSED \(is the stack up\? \.\/quotah up\)/);
});

test('a bad option is a usage error', async () => {
  const run = await runBench({}, ['--users=0']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--users \(USERS\) must be a whole number of at least 1/);
});
