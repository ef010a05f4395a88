// node --test dev/bench/percentiles.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elapsedMs, isSuccess, percentile, summarize } from './stats.mjs';
import { accountsNeeded, refreshCookieFrom, refreshDelayMs, retryAfterMs, tokenExpiresAt } from './rate-limits-load.mjs';

test('a percentile is the nearest-rank sample, never an interpolation', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
  assert.equal(percentile(sorted, 50), 50);
  assert.equal(percentile(sorted, 90), 90);
  assert.equal(percentile(sorted, 99), 99);
  assert.equal(percentile(sorted, 100), 100);
  assert.equal(percentile([10, 20, 30, 40], 50), 20);
  assert.equal(percentile([10, 20, 30, 40], 51), 30);
  assert.equal(percentile([10, 20, 30, 40], 75), 30);
  assert.equal(percentile([10, 20, 30, 40], 76), 40);
});

test('every whole percentile of 1..100 is itself, without floating-point drift', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
  for (let p = 1; p <= 100; p += 1) {
    assert.equal(percentile(sorted, p), p, `p${p}`);
  }
});

test('with few samples the high percentiles are the slowest sample', () => {
  assert.equal(percentile([3], 1), 3);
  assert.equal(percentile([3], 99), 3);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 95), 1000);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 90), 9);
});

test('no samples give no percentile, and a percentile outside (0, 100] is refused', () => {
  assert.equal(percentile([], 50), null);
  assert.throws(() => percentile([1], 0), RangeError);
  assert.throws(() => percentile([1], 101), RangeError);
  assert.throws(() => percentile([1], Number.NaN), RangeError);
});

test('summarize sorts numerically, not as text', () => {
  const figures = summarize([100, 9, 20, 3, 1000, 1]);
  assert.deepEqual({ ...figures, mean: Math.round(figures.mean * 1000) / 1000 },
      { count: 6, min: 1, mean: 188.833, p50: 9, p90: 1000, p95: 1000, p99: 1000, max: 1000 });
  assert.deepEqual(summarize([]),
      { count: 0, min: null, mean: null, p50: null, p90: null, p95: null, p99: null, max: null });
});

test('summarize of 1000 shuffled samples', () => {
  const samples = Array.from({ length: 1000 }, (_, i) => (i + 1) / 10).sort(() => Math.random() - 0.5);
  const figures = summarize(samples);
  assert.equal(figures.p50, 50);
  assert.equal(figures.p90, 90);
  assert.equal(figures.p95, 95);
  assert.equal(figures.p99, 99);
  assert.equal(figures.max, 100);
  assert.equal(figures.min, 0.1);
});

test('elapsedMs turns hrtime nanoseconds into milliseconds', () => {
  assert.equal(elapsedMs(1_000_000_000n, 1_012_500_000n), 12.5);
});

test('only a 2xx status is a success', () => {
  assert.ok(isSuccess('200') && isSuccess('204') && isSuccess(201));
  assert.ok(!isSuccess('429') && !isSuccess('500') && !isSuccess('301') && !isSuccess('error:ECONNRESET'));
});

test('accounts keep each one at 15 requests a second or less', () => {
  assert.equal(accountsNeeded(100, 1000), 7); // ceil(100 * 1000 / 1000 / 15)
  assert.equal(accountsNeeded(15, 1000), 1);
  assert.equal(accountsNeeded(16, 1000), 2);
  assert.equal(accountsNeeded(100, 60_000), 1);
  assert.equal(accountsNeeded(100, 500), 15); // 7 users of 2 req/s each per account, not 14 accounts of 8
  assert.equal(accountsNeeded(10, 0), 10);
  for (const [users, thinkMs] of [[100, 1000], [100, 500], [37, 250], [1000, 2000], [5, 10]]) {
    const accounts = accountsNeeded(users, thinkMs);
    const perAccount = (Math.ceil(users / accounts) * 1000) / thinkMs;
    assert.ok(perAccount <= 15 || accounts === users, `${users} users at ${thinkMs} ms: ${perAccount} req/s`);
  }
});

test('Retry-After in seconds or as a date, one second when unusable', () => {
  assert.equal(retryAfterMs('1'), 1000);
  assert.equal(retryAfterMs('0'), 0);
  assert.equal(retryAfterMs(undefined), 1000);
  assert.equal(retryAfterMs('soon'), 1000);
  const now = Date.parse('2025-01-01T00:00:00Z');
  assert.equal(retryAfterMs('Wed, 01 Jan 2025 00:00:05 GMT', now), 5000);
});

test('the refresh cookie is read from Set-Cookie, a cleared one is none', () => {
  assert.equal(refreshCookieFrom(['other=1; Path=/', 'quotah_refresh=abc.def; Path=/api/auth; HttpOnly']), 'abc.def');
  assert.equal(refreshCookieFrom('quotah_refresh=; Max-Age=0'), null);
  assert.equal(refreshCookieFrom(undefined), null);
});

test('a JWT expiry is read without checking the token', () => {
  const payload = Buffer.from(JSON.stringify({ exp: 1700000000 })).toString('base64url');
  assert.equal(tokenExpiresAt(`h.${payload}.s`), 1700000000 * 1000);
  assert.equal(tokenExpiresAt('not-a-jwt'), null);
});

test('a 5-minute token is refreshed a minute before it expires, a short one halfway', () => {
  assert.equal(refreshDelayMs(300_000), 240_000);
  assert.equal(refreshDelayMs(2000), 1000);
  assert.equal(refreshDelayMs(-5), 0);
});
