import { describe, expect, it } from 'vitest'
import { budgetRule, tokensRule } from '@/features/alerts/__fixtures__/alert-fixtures'
import {
  channelTargetProblem,
  defaultRuleFormValues,
  fieldMessage,
  formFieldOf,
  parseBudgetThresholds,
  ruleFormSchema,
  ruleToFormValues,
  toCreateRequest,
  toMoney,
  toReplaceRequest,
  type RuleFormValues,
} from '@/features/alerts/types/rule-form'

function values(overrides: Partial<RuleFormValues>): RuleFormValues {
  return { ...defaultRuleFormValues('ada@example.com'), name: 'A rule', ...overrides }
}

function issues(form: RuleFormValues): Record<string, string> {
  const result = ruleFormSchema.safeParse(form)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('rule form schema', () => {
  it('sends only the chosen kind’s fields, and leaves out empty scopes on create', () => {
    const draft = ruleFormSchema.parse(values({ kind: 'EXHAUSTION_FORECAST', forecastMinutes: '45', model: ' claude-sonnet-4 ' }))
    expect(toCreateRequest(draft)).toEqual({
      name: 'A rule',
      kind: 'EXHAUSTION_FORECAST',
      model: 'claude-sonnet-4',
      forecastMinutes: 45,
      channels: [{ type: 'EMAIL', target: 'ada@example.com' }],
      cooldownMinutes: 60,
    })
  })

  it('writes spike amounts as dollars and cents and keeps the factor as written', () => {
    const draft = ruleFormSchema.parse(values({ kind: 'SPEND_SPIKE', spikeFactor: '2.5', spikeFloor: '5', provider: 'OPENAI' }))
    expect(toCreateRequest(draft)).toMatchObject({ kind: 'SPEND_SPIKE', provider: 'OPENAI', spikeFactor: '2.5', spikeFloor: '5.00' })
  })

  it('asks for at least one key problem', () => {
    expect(issues(values({ kind: 'KEY_PROBLEM', problems: [] }))).toEqual({ problems: 'Choose at least one problem' })
    const draft = ruleFormSchema.parse(values({ kind: 'KEY_PROBLEM', problems: ['STALE', 'INVALID'] }))
    expect(draft.problems).toEqual(['INVALID', 'STALE'])
  })

  it('checks only the fields of the chosen kind', () => {
    expect(issues(values({ kind: 'KEY_PROBLEM', budgetAmount: 'nonsense', thresholdPercent: '0' }))).toEqual({})
  })

  it('reports every wrong field at once', () => {
    expect(
      issues(values({ name: ' ', kind: 'RATE_LIMIT', thresholdPercent: '90', criticalPercent: '80', cooldownMinutes: '0', channels: [] })),
    ).toEqual({
      name: 'Give the rule a name',
      channels: 'Add at least one channel',
      cooldownMinutes: 'Choose a cooldown from 1 to 10080 minutes (7 days)',
      criticalPercent: 'The critical level must be at least the threshold (90 %)',
    })
  })

  it('keeps budgets within what alert-service stores', () => {
    expect(issues(values({ kind: 'BUDGET', budgetAmount: '100000000.01' }))).toEqual({
      budgetAmount: 'The budget can be at most $100,000,000',
    })
    expect(issues(values({ kind: 'BUDGET', budgetAmount: '0.000001' }))).toEqual({})
  })

  it('rejects a spike factor of 1 or less and a forecast beyond a day', () => {
    expect(issues(values({ kind: 'SPEND_SPIKE', spikeFactor: '1' }))).toHaveProperty('spikeFactor')
    expect(issues(values({ kind: 'EXHAUSTION_FORECAST', forecastMinutes: '1441' }))).toHaveProperty('forecastMinutes')
  })

  it('replaces a rule with the whole rule again, keeping it off when it was off', () => {
    const draft = ruleFormSchema.parse(ruleToFormValues({ ...tokensRule, windowKind: null }))
    expect(toReplaceRequest(draft, false)).toEqual({
      name: 'Tokens at 80 %',
      kind: 'RATE_LIMIT',
      enabled: false,
      thresholdPercent: 80,
      criticalPercent: 95,
      channels: [{ type: 'EMAIL', target: 'ada@example.com' }],
      cooldownMinutes: 60,
    })
  })

  it('reads a rule whose percents the API sends as decimal strings', () => {
    const values = ruleToFormValues({ ...tokensRule, thresholdPercent: 80, criticalPercent: 95 })
    expect(values).toMatchObject({ thresholdPercent: '80', criticalPercent: '95' })
  })

  it('fills the form from a saved rule', () => {
    expect(ruleToFormValues(budgetRule)).toMatchObject({
      kind: 'BUDGET',
      connectionId: budgetRule.connectionId,
      provider: 'ANTHROPIC',
      budgetAmount: '500.00',
      budgetThresholds: '50, 80, 100',
      cooldownMinutes: '1440',
    })
  })
})

describe('budget thresholds', () => {
  it('reads commas, spaces and a trailing %', () => {
    expect(parseBudgetThresholds('100, 50 80%')).toEqual({ thresholds: [50, 80, 100] })
  })

  it('accepts 1 to 1000 %, whole and distinct, at most ten', () => {
    expect(parseBudgetThresholds('0')).toEqual({ problem: 'Each threshold must be from 1 to 1000 %' })
    expect(parseBudgetThresholds('1001')).toEqual({ problem: 'Each threshold must be from 1 to 1000 %' })
    expect(parseBudgetThresholds('1, 1000')).toEqual({ thresholds: [1, 1000] })
    expect(parseBudgetThresholds('80.5')).toHaveProperty('problem')
    expect(parseBudgetThresholds('50, 50')).toEqual({ problem: '50 % is listed twice' })
    expect(parseBudgetThresholds('1,2,3,4,5,6,7,8,9,10,11')).toEqual({ problem: 'Give at most 10 thresholds' })
    expect(parseBudgetThresholds(' ')).toHaveProperty('problem')
  })
})

describe('channel addresses', () => {
  it('wants an email address for email, and an https URL for the others', () => {
    expect(channelTargetProblem('EMAIL', 'team@example.com')).toBeNull()
    expect(channelTargetProblem('EMAIL', 'team')).toMatch(/^Enter an email address/)
    expect(channelTargetProblem('SLACK', 'https://hooks.slack.com/services/T/B/x')).toBeNull()
    expect(channelTargetProblem('DISCORD', 'discord.com/api/webhooks/1')).toMatch(/starting with https:\/\//)
    expect(channelTargetProblem('WEBHOOK', 'http://hooks.example.com')).toBe('Use an https:// URL (http:// only for localhost)')
    expect(channelTargetProblem('WEBHOOK', 'ftp://hooks.example.com')).toMatch(/starting with https:\/\//)
  })

  it('allows http for localhost only', () => {
    expect(channelTargetProblem('WEBHOOK', 'http://localhost:9000/hook')).toBeNull()
    expect(channelTargetProblem('WEBHOOK', 'http://127.0.0.1/hook')).toBeNull()
    expect(channelTargetProblem('WEBHOOK', 'http://[::1]:8080/hook')).toBeNull()
  })
})

describe('server field names', () => {
  it('maps the API’s field names onto the form', () => {
    expect(formFieldOf('name')).toBe('name')
    expect(formFieldOf('channels[1].target')).toBe('channels.1.target')
    expect(formFieldOf('channels.0.type')).toBe('channels.0.type')
    expect(formFieldOf('budgetThresholds[2]')).toBe('budgetThresholds')
    expect(formFieldOf('channels')).toBe('channels')
    expect(formFieldOf('workspaceId')).toBeNull()
  })

  it('names the field in the API’s sentence endings, and keeps whole sentences', () => {
    expect(fieldMessage('channels.0.target', 'is not an email address')).toBe('The address is not an email address')
    expect(fieldMessage('budgetAmount', 'is required for this kind of rule')).toBe('The budget is required for this kind of rule')
    expect(fieldMessage('name', 'A rule with this name exists already')).toBe('A rule with this name exists already')
  })
})

describe('money', () => {
  it('writes dollars and cents', () => {
    expect(toMoney('500')).toBe('500.00')
    expect(toMoney('99.5')).toBe('99.50')
    expect(toMoney('007.25')).toBe('7.25')
    expect(toMoney('0.125')).toBe('0.125')
  })
})
