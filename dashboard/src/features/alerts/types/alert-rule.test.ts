import { describe, expect, it } from 'vitest'
import { alertSchema, deliverySchema } from '@/features/alerts/types/alert'
import { alertRuleSchema } from '@/features/alerts/types/alert-rule'

describe('answer schemas', () => {
  it('read a rule as alert-service writes it: percents and money as decimal strings, no secret unless new', () => {
    const rule = alertRuleSchema.parse({
      id: 'r1',
      name: 'Tokens',
      kind: 'RATE_LIMIT',
      enabled: true,
      connectionId: null,
      provider: null,
      windowKind: 'TOKENS',
      model: null,
      thresholdPercent: '80',
      criticalPercent: '95',
      forecastMinutes: null,
      budgetAmount: null,
      budgetPeriod: null,
      budgetThresholds: [],
      spikeFactor: null,
      spikeFloor: null,
      problems: null,
      channels: [{ type: 'WEBHOOK', target: 'https://hooks.example.com/x', secretHint: 'whsec_…abcd' }],
      cooldownMinutes: 60,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    })
    expect(rule.thresholdPercent).toBe(80)
    expect(rule.criticalPercent).toBe(95)
    expect(rule.channels[0]).toEqual({
      type: 'WEBHOOK',
      target: 'https://hooks.example.com/x',
      secretHint: 'whsec_…abcd',
      signingSecret: null,
    })
  })

  it('read an alert with its decimals as strings and a delivery without an attempt log', () => {
    const alert = alertSchema.parse({
      id: 'a1',
      ruleId: 'r1',
      ruleName: 'Budget',
      kind: 'BUDGET',
      severity: 'WARNING',
      state: 'RAISED',
      connectionId: null,
      provider: 'ANTHROPIC',
      connectionLabel: null,
      model: null,
      window: '2026-12',
      observed: '412.50',
      threshold: '400.00',
      unit: 'USD',
      resetAt: null,
      forecastAt: null,
      reason: null,
      summary: 'Anthropic spend is $412.50',
      raisedAt: '2026-12-01T00:00:00Z',
      resolvedAt: null,
      acknowledgedAt: null,
    })
    expect(alert.observed).toBe('412.50')
    const delivery = deliverySchema.parse({
      id: 'd1',
      alertId: 'a1',
      state: 'RAISED',
      channel: 'SLACK',
      recipient: 'hooks.slack.com/…',
      status: 'PENDING',
      attempts: 0,
      lastError: null,
      createdAt: '2026-12-01T00:00:00Z',
      sentAt: null,
      nextAttemptAt: null,
    })
    expect(delivery.attemptLog).toEqual([])
  })
})
