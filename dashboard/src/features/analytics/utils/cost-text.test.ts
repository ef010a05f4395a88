import { describe, expect, it } from 'vitest'
import { breakdownRow } from '@/features/analytics/__fixtures__/cost-fixtures'
import {
  knownRequests,
  requestsText,
  totalRequestsText,
  aggregateCostText,
  costText,
  knownCostCents,
  reportedDiffers,
  reportedVsComputedText,
  totalTokens,
} from '@/features/analytics/utils/cost-text'

describe('costText', () => {
  it('shows a priced cost as money', () => {
    expect(costText(breakdownRow({ cost: '4.34', computedCost: '4.34' }), 'USD')).toBe('$4.34')
    expect(knownCostCents(breakdownRow({ cost: '4.34' }))).toBe(434)
  })

  it('says unknown, never $0.00, when there is no price and no reported cost', () => {
    const row = breakdownRow({ unknownPrice: true, cost: '0.00' })
    expect(costText(row, 'USD')).toBe('unknown')
    expect(knownCostCents(row)).toBeNull()
  })

  it('trusts a reported cost even when Quotah has no price', () => {
    expect(costText(breakdownRow({ unknownPrice: true, cost: '1.20', reportedCost: '1.20' }), 'USD')).toBe('$1.20')
  })
})

describe('aggregateCostText', () => {
  it('counts the priced part of a partly unpriced sum, and says so', () => {
    expect(aggregateCostText(breakdownRow({ cost: '12.34' }), 'USD')).toEqual({ text: '$12.34', partial: false })
    expect(aggregateCostText(breakdownRow({ cost: '12.34', unknownPrice: true }), 'USD')).toEqual({
      text: '$12.34',
      partial: true,
    })
    expect(aggregateCostText(breakdownRow({ cost: '0.00', unknownPrice: true }), 'USD')).toEqual({
      text: 'unknown',
      partial: false,
    })
  })
})

describe('reported and computed cost', () => {
  it('differ only when the provider reported a cost that is not the computed one, to the cent', () => {
    expect(reportedDiffers(breakdownRow({ computedCost: '7.90', reportedCost: '8.00' }))).toBe(true)
    expect(reportedDiffers(breakdownRow({ computedCost: '8.0', reportedCost: '8.00' }))).toBe(false)
    expect(reportedDiffers(breakdownRow({ computedCost: '8.00', reportedCost: null }))).toBe(false)
    expect(reportedVsComputedText(breakdownRow({ computedCost: '7.9', reportedCost: '8' }), 'USD')).toBe(
      'Reported $8.00, computed $7.90',
    )
  })
})

describe('totalTokens', () => {
  it('adds every kind of input and the output, but not reasoning, which output already holds', () => {
    expect(
      totalTokens(
        breakdownRow({
          inputTokens: 1,
          cacheWrite5mTokens: 10,
          cacheWrite1hTokens: 100,
          cacheReadTokens: 1_000,
          outputTokens: 10_000,
          reasoningTokens: 5_000,
        }),
      ),
    ).toBe(11_111)
  })
})

describe('requests', () => {
  it('reads 0 requests beside tokens as not reported, never as zero', () => {
    const anthropic = breakdownRow({ requests: 0, inputTokens: 1_000, outputTokens: 200 })
    expect(knownRequests(anthropic)).toBeNull()
    expect(requestsText(anthropic)).toBe('not reported')
    expect(requestsText(breakdownRow({ requests: 0 }))).toBe('0')
    expect(requestsText(breakdownRow({ requests: 1_234, inputTokens: 5 }))).toBe('1,234')
  })

  it('counts the reported requests of a range and says when some are missing', () => {
    const counted = breakdownRow({ requests: 80, inputTokens: 500 })
    const unreported = breakdownRow({ requests: 0, cacheReadTokens: 300 })
    const total = breakdownRow({ requests: 80, inputTokens: 500, cacheReadTokens: 300 })
    expect(totalRequestsText(total, [counted, unreported])).toEqual({ text: '80', partial: true })
    expect(totalRequestsText(unreported, [unreported])).toEqual({ text: 'not reported', partial: false })
    expect(totalRequestsText(counted, [counted])).toEqual({ text: '80', partial: false })
  })
})
