import type { Alert, AlertPage, Delivery } from '@/features/alerts/types/alert'
import type { AlertRule } from '@/features/alerts/types/alert-rule'
import type { MockReply } from '@/testing/mock-api'

// Answers of alert-service, notification-service and the key list for the Alerts tests, shaped as
// docs/alerts-api.md describes them.

export const PRODUCTION_KEY = '11111111-1111-4111-8111-111111111111'
export const CI_KEY = '22222222-2222-4222-8222-222222222222'

/** `GET /api/api-keys` as provider-poller-service answers it (the rule form reads id, label, provider). */
export const watchedKeys = [
  {
    id: PRODUCTION_KEY,
    provider: 'ANTHROPIC',
    label: 'Production',
    maskedKey: 'sk-ant-…abcd',
    maskedAdminKey: null,
    probing: true,
    pollIntervalSeconds: 60,
    status: 'HEALTHY',
    statusReason: null,
    lastPolledAt: '2026-01-01T00:00:00Z',
    lastSuccessAt: '2026-01-01T00:00:00Z',
    lastError: null,
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    id: CI_KEY,
    provider: 'OPENAI',
    label: 'CI',
    maskedKey: 'sk-proj-…wxyz',
    maskedAdminKey: null,
    probing: false,
    pollIntervalSeconds: 300,
    status: 'HEALTHY',
    statusReason: null,
    lastPolledAt: null,
    lastSuccessAt: null,
    lastError: null,
    createdAt: '2026-01-01T00:00:00Z',
  },
]

const noKindFields = {
  connectionId: null,
  provider: null,
  windowKind: null,
  model: null,
  thresholdPercent: null,
  criticalPercent: null,
  forecastMinutes: null,
  budgetAmount: null,
  budgetPeriod: null,
  budgetThresholds: null,
  spikeFactor: null,
  spikeFloor: null,
  problems: null,
}

export function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    name: 'Tokens at 80 %',
    kind: 'RATE_LIMIT',
    enabled: true,
    ...noKindFields,
    windowKind: 'TOKENS',
    thresholdPercent: 80,
    criticalPercent: 95,
    channels: [{ type: 'EMAIL', target: 'ada@example.com', secretHint: null, signingSecret: null }],
    cooldownMinutes: 60,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  }
}

export const tokensRule = rule()

export const budgetRule = rule({
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  name: 'Monthly budget',
  kind: 'BUDGET',
  ...noKindFields,
  connectionId: PRODUCTION_KEY,
  provider: 'ANTHROPIC',
  budgetAmount: '500.00',
  budgetPeriod: 'MONTH',
  budgetThresholds: [50, 80, 100],
  channels: [
    { type: 'EMAIL', target: 'finance@example.com', secretHint: null, signingSecret: null },
    { type: 'WEBHOOK', target: 'https://hooks.example.com/quotah', secretHint: 'whsec_…abcd', signingSecret: null },
  ],
  cooldownMinutes: 1440,
})

export const SIGNING_SECRET = 'whsec_K9v2bQm7Xw4sLp1Tz8Rn3Yc6Hd0Fa5Ug2Je7Ok4Wi9Q'

export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'bbbbbbbb-0000-4000-8000-000000000001',
    ruleId: tokensRule.id,
    ruleName: tokensRule.name,
    kind: 'RATE_LIMIT',
    severity: 'WARNING',
    state: 'RAISED',
    connectionId: PRODUCTION_KEY,
    provider: 'ANTHROPIC',
    connectionLabel: 'Production',
    model: 'claude-sonnet-4',
    window: 'TOKENS',
    observed: '86.50',
    threshold: '80',
    unit: 'PERCENT',
    resetAt: null,
    forecastAt: null,
    reason: null,
    summary: 'Production is at 86.5 % of its tokens per minute',
    raisedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    resolvedAt: null,
    acknowledgedAt: null,
    ...overrides,
  }
}

export const tokensAlert = alert()

export const budgetAlert = alert({
  id: 'bbbbbbbb-0000-4000-8000-000000000002',
  ruleId: budgetRule.id,
  ruleName: budgetRule.name,
  kind: 'BUDGET',
  severity: 'CRITICAL',
  state: 'RESOLVED',
  model: null,
  window: '2026-01',
  observed: '512.40',
  threshold: '500.00',
  unit: 'USD',
  summary: 'Anthropic spend is $512.40 of the $500.00 monthly budget',
  raisedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  resolvedAt: new Date(Date.now() - 3600_000).toISOString(),
  acknowledgedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
})

export function alertPage(items: Alert[], overrides: Partial<AlertPage> = {}): MockReply {
  return {
    status: 200,
    body: { items, page: 0, size: 20, totalItems: items.length, totalPages: items.length === 0 ? 0 : 1, ...overrides },
  }
}

export function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'cccccccc-0000-4000-8000-000000000001',
    alertId: tokensAlert.id,
    state: 'RAISED',
    channel: 'EMAIL',
    recipient: 'ada@example.com',
    status: 'SENT',
    attempts: 1,
    lastError: null,
    createdAt: '2026-01-01T00:00:00Z',
    sentAt: '2026-01-01T00:00:02Z',
    nextAttemptAt: null,
    attemptLog: [{ attempt: 1, at: '2026-01-01T00:00:02Z', result: 'SENT', error: null }],
    ...overrides,
  }
}

/** A 400 problem answer naming fields, as every Quotah service writes one. */
export function fieldErrors(errors: { field: string; message: string }[]): MockReply {
  return {
    status: 400,
    body: { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The rule has invalid fields.', errors },
  }
}
