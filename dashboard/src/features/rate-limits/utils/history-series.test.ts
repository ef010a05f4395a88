import { describe, expect, it } from 'vitest'
import type { HistoryPoint } from '@/features/rate-limits/types/rate-limit-history'
import { historySeries, seriesSummary } from '@/features/rate-limits/utils/history-series'

const point = (minute: number, kind: string, remaining: number | null, model: string | null = 'claude-haiku-4-5'): HistoryPoint => ({
  capturedAt: new Date(Date.UTC(2026, 2, 1, 12, minute)).toISOString(),
  model,
  kind,
  limit: 50,
  remaining,
  usedPercent: null,
})

describe('historySeries', () => {
  it('makes a series per model and window, requests first, leaving out windows with no remaining figure', () => {
    const series = historySeries([
      point(2, 'INPUT_TOKENS', 30),
      point(1, 'REQUESTS', 40),
      point(0, 'REQUESTS', 45),
      point(0, 'OUTPUT_TOKENS', null),
    ])
    expect(series.map((item) => [item.name, item.readings.map((reading) => reading.remaining)])).toEqual([
      ['Requests per minute (claude-haiku-4-5)', [45, 40]],
      ['Input tokens per minute (claude-haiku-4-5)', [30]],
    ])
    expect(seriesSummary(series[0])).toMatch(/^2 readings; lowest remaining 40 of 50 at .+; latest 40 of 50$/)
  })

  it('thins a long series to its lowest reading per stretch', () => {
    const points = Array.from({ length: 40 }, (_, minute) => point(minute, 'REQUESTS', minute === 17 ? 3 : 45))
    const [series] = historySeries(points, 10)
    expect(series.readings).toHaveLength(10)
    expect(Math.min(...series.readings.map((reading) => reading.remaining))).toBe(3)
  })
})
