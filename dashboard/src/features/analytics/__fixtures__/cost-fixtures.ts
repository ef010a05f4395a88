import type { CostAnalysis, CostBreakdown } from '@/features/analytics/types/cost-analysis'
import type { MockReply } from '@/testing/mock-api'

// Answers of GET /api/multi/cost-analysis for the page's tests: two priced models, one the
// price book does not know, and one whose reported cost differs from the computed one.

export const PRODUCTION_KEY = '11111111-1111-4111-8111-111111111111'
export const CI_KEY = '22222222-2222-4222-8222-222222222222'

const noTokens = {
  requests: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  cacheReadTokens: 0,
  reasoningTokens: 0,
}

export function breakdownRow(overrides: Partial<CostBreakdown> = {}): CostBreakdown {
  return {
    provider: null,
    model: null,
    keyId: null,
    keyLabel: null,
    day: null,
    cost: '0.00',
    computedCost: '0.00',
    reportedCost: null,
    unknownPrice: false,
    costDiffers: false,
    ...noTokens,
    ...overrides,
  }
}

export const sonnetOnProduction = breakdownRow({
  provider: 'ANTHROPIC',
  model: 'claude-sonnet-4',
  keyId: PRODUCTION_KEY,
  keyLabel: 'Production',
  cost: '8.00',
  computedCost: '7.90',
  reportedCost: '8.00',
  costDiffers: true,
  requests: 120,
  inputTokens: 50_000,
  cacheWrite5mTokens: 2_000,
  cacheWrite1hTokens: 1_000,
  cacheReadTokens: 30_000,
  outputTokens: 12_000,
})

export const gptOnCi = breakdownRow({
  provider: 'OPENAI',
  model: 'gpt-5',
  keyId: CI_KEY,
  keyLabel: 'CI',
  cost: '4.34',
  computedCost: '4.34',
  requests: 80,
  inputTokens: 20_000,
  cacheReadTokens: 5_000,
  outputTokens: 9_000,
  reasoningTokens: 3_000,
})

export const mysteryOnCi = breakdownRow({
  provider: 'OPENAI',
  model: 'mystery-model',
  keyId: CI_KEY,
  keyLabel: 'CI',
  unknownPrice: true,
  requests: 5,
  inputTokens: 100,
  outputTokens: 50,
})

function analysis(range: { from: string; to: string }, groupBy: string[], breakdown: CostBreakdown[]): CostAnalysis {
  return {
    from: range.from,
    to: range.to,
    currency: 'USD',
    groupBy,
    total: {
      cost: '12.34',
      computedCost: '12.24',
      reportedCost: '12.34',
      unknownPrice: true,
      requests: 205,
      inputTokens: 70_100,
      cacheWrite5mTokens: 2_000,
      cacheWrite1hTokens: 1_000,
      cacheReadTokens: 35_000,
      outputTokens: 21_050,
      reasoningTokens: 3_000,
    },
    breakdown,
    trend: [
      { day: '2026-03-01', cost: '4.00' },
      { day: '2026-03-10', cost: '8.34' },
    ],
    projection: {
      month: '2026-03',
      spentSoFar: '12.34',
      projectedTotal: '25.50',
      method: 'average daily spend so far, times the days in the month',
      daysLeft: 16,
    },
  }
}

type Range = { from: string; to: string }

export function costAnswers(range: Range) {
  return {
    byModelAndKey: analysis(range, ['model', 'key'], [gptOnCi, mysteryOnCi, sonnetOnProduction]),
    byProvider: analysis(range, ['provider'], [
      breakdownRow({ provider: 'ANTHROPIC', cost: '8.00', computedCost: '7.90', reportedCost: '8.00', costDiffers: true, requests: 120 }),
      breakdownRow({ provider: 'OPENAI', cost: '4.34', computedCost: '4.34', unknownPrice: true, requests: 85 }),
    ]),
    byModel: analysis(range, ['model'], [
      breakdownRow({ model: 'gpt-5', cost: '4.34', computedCost: '4.34', requests: 80 }),
      breakdownRow({ model: 'mystery-model', unknownPrice: true, requests: 5 }),
      breakdownRow({ model: 'claude-sonnet-4', cost: '8.00', computedCost: '7.90', reportedCost: '8.00', requests: 120 }),
    ]),
  }
}

/** No usage at all: what a new account sees. */
export function emptyAnswer(range: Range, groupBy: string[]): CostAnalysis {
  return {
    ...analysis(range, groupBy, []),
    total: { cost: '0.00', computedCost: '0.00', reportedCost: null, unknownPrice: false, ...noTokens },
    trend: [],
    projection: null,
  }
}

export const costPath = (range: Range, groupBy: string) =>
  `/api/multi/cost-analysis?from=${range.from}&to=${range.to}&groupBy=${groupBy}`

/** The three routes the page calls for `range`, answered from the fixture (or `replies`). */
export function costRoutes(
  range: Range,
  replies: Partial<Record<'byModelAndKey' | 'byProvider' | 'byModel', MockReply | MockReply[]>> = {},
): Record<string, MockReply | MockReply[]> {
  const answers = costAnswers(range)
  return {
    [`GET ${costPath(range, 'model,key')}`]: replies.byModelAndKey ?? { status: 200, body: answers.byModelAndKey },
    [`GET ${costPath(range, 'provider')}`]: replies.byProvider ?? { status: 200, body: answers.byProvider },
    [`GET ${costPath(range, 'model')}`]: replies.byModel ?? { status: 200, body: answers.byModel },
  }
}
