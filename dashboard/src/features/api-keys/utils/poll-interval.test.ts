import { describe, expect, it } from 'vitest'
import {
  pollIntervalLabel,
  probeRequestsPerDay,
  probeTokensPerDay,
  probingCostText,
} from '@/features/api-keys/utils/poll-interval'

describe('probing cost', () => {
  it('counts one probe per poll over a day', () => {
    expect(probeRequestsPerDay(30)).toBe(2_880)
    expect(probeRequestsPerDay(60)).toBe(1_440)
    expect(probeRequestsPerDay(300)).toBe(288)
    expect(probeRequestsPerDay(900)).toBe(96)
  })

  it('costs about 11 tokens a probe', () => {
    expect(probeTokensPerDay(60)).toBe(15_840)
    expect(probeTokensPerDay(900)).toBe(1_056)
  })

  it('states the cost plainly', () => {
    expect(probingCostText(60)).toBe(
      'Probing sends one 1-token request to the cheapest model each poll: about 15,840 tokens a day ' +
        'at the chosen interval (1,440 requests of roughly 10 input + 1 output tokens each).',
    )
  })
})

describe('pollIntervalLabel', () => {
  it('writes short intervals in seconds and longer ones in minutes', () => {
    expect(pollIntervalLabel(30)).toBe('30 s')
    expect(pollIntervalLabel(60)).toBe('60 s')
    expect(pollIntervalLabel(300)).toBe('5 min')
    expect(pollIntervalLabel(900)).toBe('15 min')
  })
})
