import { describe, expect, it } from 'vitest'
import { breakdownRow, emptyAnswer } from '@/features/analytics/__fixtures__/cost-fixtures'
import type { CostAnalysis } from '@/features/analytics/types/cost-analysis'
import {
  dailyCosts,
  dailySummary,
  modelShares,
  providerShares,
  pieSlices,
  shareText,
} from '@/features/analytics/utils/chart-data'
import { niceCeilCents } from '@/features/analytics/utils/trend-geometry'

const range = { from: '2026-03-01', to: '2026-03-04' }

function answer(overrides: Partial<CostAnalysis>): CostAnalysis {
  return { ...emptyAnswer(range, ['model']), ...overrides }
}

describe('pieSlices', () => {
  it('slices only the known shares above zero; an unknown one has no slice', () => {
    const shares = providerShares(
      answer({
        breakdown: [
          breakdownRow({ provider: 'ANTHROPIC', cost: '3.00' }),
          breakdownRow({ provider: 'OPENAI', cost: '1.00' }),
          breakdownRow({ provider: 'MISTRAL', unknownPrice: true }),
        ],
      }),
    )
    expect(pieSlices(shares).map((share) => [share.id, share.cents])).toEqual([
      ['ANTHROPIC', 300],
      ['OPENAI', 100],
    ])
  })

  it('draws nothing when nothing has a price', () => {
    const shares = providerShares(answer({ breakdown: [breakdownRow({ provider: 'OPENAI', unknownPrice: true })] }))
    expect(pieSlices(shares)).toEqual([])
  })
})

describe('modelShares', () => {
  it('orders models by cost with unknown costs last', () => {
    const shares = modelShares(
      answer({
        breakdown: [
          breakdownRow({ model: 'a', cost: '1.00' }),
          breakdownRow({ model: 'b', unknownPrice: true }),
          breakdownRow({ model: 'c', cost: '3.00' }),
        ],
      }),
    )
    expect(shares.map((share) => [share.label, share.text])).toEqual([
      ['c', '$3.00'],
      ['a', '$1.00'],
      ['b', 'unknown'],
    ])
  })

  it('adds the models past the limit up into one exact "Other" bar', () => {
    const breakdown = ['0.10', '0.20', '0.30', '0.40', '5.00'].map((cost, index) =>
      breakdownRow({ model: `m${index}`, cost }),
    )
    const shares = modelShares(answer({ breakdown }), 3)
    expect(shares.map((share) => [share.label, share.text, share.cents])).toEqual([
      ['m4', '$5.00', 500],
      ['m3', '$0.40', 40],
      ['Other (3 models)', '$0.60', 60],
    ])
  })
})

describe('providerShares', () => {
  it('names providers, and marks a partly priced one', () => {
    const shares = providerShares(
      answer({
        breakdown: [
          breakdownRow({ provider: 'OPENAI', cost: '2.00', unknownPrice: true }),
          breakdownRow({ provider: 'GEMINI', cost: '3.00' }),
        ],
      }),
    )
    expect(shares).toMatchObject([
      { label: 'Gemini', text: '$3.00', partial: false },
      { label: 'OpenAI', text: '$2.00', partial: true },
    ])
    expect(shareText(300, 500)).toBe('60%')
    expect(shareText(1, 500)).toBe('<1%')
    expect(shareText(null, 500)).toBe('')
  })
})

describe('dailyCosts', () => {
  it('gives every day of the range a cost, $0 where the trend has none', () => {
    const days = dailyCosts(answer({ trend: [{ day: '2026-03-02', cost: '1.50' }] }), range)
    expect(days.map((day) => [day.day, day.text])).toEqual([
      ['2026-03-01', '$0.00'],
      ['2026-03-02', '$1.50'],
      ['2026-03-03', '$0.00'],
      ['2026-03-04', '$0.00'],
    ])
    expect(dailySummary(days, 'USD')).toMatch(/^Total \$1\.50 over 4 days; highest .+ at \$1\.50; last day \$0\.00$/)
    expect(dailySummary(days.map((day) => ({ ...day, cents: 0 })), 'USD')).toBe('No cost on any of the 4 days')
  })
})

describe('the daily axis', () => {
  it('tops the axis at a round figure', () => {
    expect(niceCeilCents(834)).toBe(1000)
    expect(niceCeilCents(150)).toBe(200)
    expect(niceCeilCents(400)).toBe(500)
    expect(niceCeilCents(0)).toBe(100)
  })
})
