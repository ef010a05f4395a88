import { useCallback, useEffect, useRef, useState } from 'react'
import { getCostAnalysis, TABLE_GROUP_BY } from '@/features/analytics/api/analytics-api'
import type { AnalyticsData } from '@/features/analytics/types/cost-analysis'
import type { DateRange } from '@/features/analytics/types/date-range'
import { ApiError } from '@/lib/api-error'

export type CostAnalysisState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: AnalyticsData }

const MALFORMED_ANSWER_MESSAGE = 'Quotah sent an answer this page does not understand. Try again in a moment.'

/** Describes a failure for a banner; an unexpected one (a bug, a malformed answer) is logged as well. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail
  console.error(error)
  return MALFORMED_ANSWER_MESSAGE
}

/**
 * The cost of `range` three ways (by model and key for the table, by provider and by model for
 * the charts), loaded together whenever the range changes. An answer for a range the user has
 * already left is dropped.
 */
export function useCostAnalysis({ from, to }: DateRange) {
  const [state, setState] = useState<CostAnalysisState>({ status: 'loading' })
  // Each load takes a number; only the latest may set the state (a retry or range change wins).
  const latest = useRef(0)

  const load = useCallback(async () => {
    const id = ++latest.current
    setState({ status: 'loading' })
    const range = { from, to }
    try {
      const [byModelAndKey, byProvider, byModel] = await Promise.all([
        getCostAnalysis(range, TABLE_GROUP_BY),
        getCostAnalysis(range, ['provider']),
        getCostAnalysis(range, ['model']),
      ])
      if (id === latest.current) setState({ status: 'ready', data: { byModelAndKey, byProvider, byModel } })
    } catch (error) {
      if (id === latest.current) setState({ status: 'error', message: errorMessage(error) })
    }
  }, [from, to])

  useEffect(() => {
    void load()
    // Leaving the page (or the range) makes any answer still on its way stale.
    return () => {
      latest.current++
    }
  }, [load])

  const retry = useCallback(() => void load(), [load])

  return { state, retry }
}
