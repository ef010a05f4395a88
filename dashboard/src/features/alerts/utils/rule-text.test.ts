import { describe, expect, it } from 'vitest'
import { budgetRule, CI_KEY, rule, watchedKeys } from '@/features/alerts/__fixtures__/alert-fixtures'
import { conditionText, cooldownText, kindName } from '@/features/alerts/utils/rule-text'

const keys = watchedKeys.map(({ id, label, provider }) => ({ id, label, provider }))

describe('rule wording', () => {
  it('summarises each kind’s condition in one line', () => {
    expect(conditionText(rule({ criticalPercent: null }), keys)).toBe('Any key · TOKENS · ≥ 80 %')
    expect(conditionText(budgetRule, keys)).toBe('Production · Anthropic · $500.00 a month · at 50, 80, 100 %')
    expect(
      conditionText(rule({ kind: 'EXHAUSTION_FORECAST', windowKind: null, model: 'gpt-5', thresholdPercent: null, criticalPercent: null, forecastMinutes: 30 }), keys),
    ).toBe('Any key · every window · gpt-5 · runs out within 30 min')
    expect(
      conditionText(rule({ kind: 'SPEND_SPIKE', connectionId: CI_KEY, windowKind: null, thresholdPercent: null, criticalPercent: null, spikeFactor: '3', spikeFloor: '1.00' }), keys),
    ).toBe('CI · last hour ≥ 3× the 7-day hourly average · and ≥ $1.00')
    expect(
      conditionText(rule({ kind: 'KEY_PROBLEM', windowKind: null, thresholdPercent: null, criticalPercent: null, problems: ['INVALID', 'OUT_OF_QUOTA'] }), keys),
    ).toBe('Any key · invalid, out of quota')
  })

  it('says when a rule’s key is no longer watched', () => {
    expect(conditionText(rule({ connectionId: 'gone', criticalPercent: null }), keys)).toBe('A key no longer watched · TOKENS · ≥ 80 %')
  })

  it('names kinds in words, and new ones plainly', () => {
    expect(kindName('EXHAUSTION_FORECAST')).toBe('Exhaustion forecast')
    expect(kindName('ERROR_RATE')).toBe('Error rate')
  })

  it('writes cooldowns roughly', () => {
    expect(cooldownText(60)).toBe('1 h')
    expect(cooldownText(15)).toBe('15 min')
    expect(cooldownText(10_080)).toBe('7 days')
  })
})
