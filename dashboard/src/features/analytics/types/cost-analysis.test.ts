import { describe, expect, it } from 'vitest'
import { costAnalysisSchema } from '@/features/analytics/types/cost-analysis'

const counts = { requests: 1, inputTokens: 10, outputTokens: 5, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0,
  cacheReadTokens: 0, reasoningTokens: 0 }

describe('the cost analysis answer as the server sends it', () => {
  it('takes instant bounds and a row no price book knows, keeping it unknown rather than free', () => {
    const parsed = costAnalysisSchema.parse({
      from: '2026-11-22T00:00:00Z', to: '2026-11-29T00:00:00Z', currency: 'USD', groupBy: ['model'],
      total: { cost: '1.00', computedCost: '1.00', reportedCost: null, unknownPrice: true, costDiffers: false, ...counts },
      breakdown: [{ provider: null, model: 'gpt-9-preview', keyId: null, keyLabel: null, day: null, cost: null,
        computedCost: null, reportedCost: null, unknownPrice: true, costDiffers: false, ...counts }],
      trend: [{ day: '2026-11-22', cost: '1.00', unknownPrice: true }],
      projection: null,
    })
    expect(parsed.from).toBe('2026-11-22T00:00:00Z')
    expect(parsed.breakdown[0].unknownPrice).toBe(true)
    expect(parsed.breakdown[0].reportedCost).toBeNull()
  })
})
