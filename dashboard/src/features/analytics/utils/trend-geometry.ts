import type { DailyCost } from '@/features/analytics/utils/chart-data'

// The daily line is drawn in a 100 × 100 box stretched to the chart's size (strokes keep their
// width through vector-effect), so the chart fills any width without measuring it.

/** A round top for the axis at or above `cents`: 1, 2 or 5 times a power of ten. */
export function niceCeilCents(cents: number): number {
  if (cents <= 0) return 100
  const magnitude = 10 ** Math.floor(Math.log10(cents))
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= cents) ?? 10
  return step * magnitude
}

export type TrendPath = { line: string; area: string; points: { x: number; y: number }[] }

/** The line through each day's cost and the area under it, scaled so `topCents` is the top edge. */
export function trendPath(days: readonly DailyCost[], topCents: number): TrendPath {
  const xOf = (index: number) => (days.length === 1 ? 50 : (index / (days.length - 1)) * 100)
  const yOf = (cents: number) => 100 - (Math.min(cents, topCents) / topCents) * 100
  const points = days.map((day, index) => ({ x: xOf(index), y: yOf(day.cents) }))
  // A single day is a level line across the chart, not an invisible dot.
  const drawn = points.length === 1 ? [{ x: 0, y: points[0].y }, { x: 100, y: points[0].y }] : points
  if (drawn.length === 0) return { line: '', area: '', points }
  const line = drawn.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join(' ')
  const area = `${line} L${round(drawn[drawn.length - 1].x)} 100 L${round(drawn[0].x)} 100 Z`
  return { line, area, points }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
