import type { HistoryPoint } from '@/features/rate-limits/types/rate-limit-history'
import { kindText } from '@/features/rate-limits/utils/window-text'
import { formatCount, formatDateTime } from '@/lib/format'

// Pure shaping of a key's history into one series per window (model and kind) for its chart.

export type HistoryReading = { at: number; remaining: number; limit: number | null }

export type HistorySeries = {
  id: string
  model: string | null
  kind: string
  /** "Requests per minute (claude-haiku-4-5)". */
  name: string
  /** Readings with a known remaining figure, oldest first. */
  readings: HistoryReading[]
  /** The newest limit known in the range, or null. */
  limit: number | null
}

/** More readings than this are thinned to the lowest remaining of each stretch: the closest call shows. */
export const MAX_READINGS = 240

const KIND_ORDER = ['REQUESTS', 'TOKENS', 'INPUT_TOKENS', 'OUTPUT_TOKENS']

/**
 * A series per window that has at least one reading of its remaining headroom. Windows known only by
 * their limit (configured limits, say) have no line to draw and are left out.
 */
export function historySeries(points: readonly HistoryPoint[], maxReadings = MAX_READINGS): HistorySeries[] {
  const byWindow = new Map<string, HistorySeries>()
  for (const point of points) {
    const id = `${point.model ?? ''}|${point.kind}`
    let series = byWindow.get(id)
    if (!series) {
      const { unit } = kindText(point.kind)
      const name = `${unit.charAt(0).toUpperCase()}${unit.slice(1)}${point.model ? ` (${point.model})` : ''}`
      series = { id, model: point.model, kind: point.kind, name, readings: [], limit: null }
      byWindow.set(id, series)
    }
    const at = Date.parse(point.capturedAt)
    if (point.limit !== null) series.limit = point.limit
    if (point.remaining !== null && Number.isFinite(at)) {
      series.readings.push({ at, remaining: point.remaining, limit: point.limit })
    }
  }
  return [...byWindow.values()]
    .filter((series) => series.readings.length > 0)
    .map((series) => ({ ...series, readings: thin(series.readings.sort((a, b) => a.at - b.at), maxReadings) }))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || (a.model ?? '').localeCompare(b.model ?? ''))
}

function kindRank(kind: string): number {
  const rank = KIND_ORDER.indexOf(kind)
  return rank === -1 ? KIND_ORDER.length : rank
}

/** At most `max` readings: the span cut into equal stretches, each kept at its lowest remaining. */
function thin(readings: HistoryReading[], max: number): HistoryReading[] {
  if (readings.length <= max) return readings
  const first = readings[0].at
  const width = (readings[readings.length - 1].at - first) / max || 1
  const stretches = new Map<number, HistoryReading>()
  for (const reading of readings) {
    const index = Math.min(max - 1, Math.floor((reading.at - first) / width))
    const kept = stretches.get(index)
    if (!kept || reading.remaining < kept.remaining) stretches.set(index, reading)
  }
  return [...stretches.values()].sort((a, b) => a.at - b.at)
}

/** What a screen reader hears for a series: "12 readings; lowest 3,000 of 50,000 at …; latest 48,000". */
export function seriesSummary(series: HistorySeries): string {
  const { readings } = series
  const lowest = readings.reduce((low, reading) => (reading.remaining < low.remaining ? reading : low), readings[0])
  const latest = readings[readings.length - 1]
  const of = (reading: HistoryReading) => {
    const limit = reading.limit ?? series.limit
    return limit === null ? formatCount(reading.remaining) : `${formatCount(reading.remaining)} of ${formatCount(limit)}`
  }
  const count = readings.length === 1 ? '1 reading' : `${formatCount(readings.length)} readings`
  return `${count}; lowest remaining ${of(lowest)} at ${formatDateTime(lowest.at)}; latest ${of(latest)}`
}
