import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import {
  rangeSearchParams,
  readRangeSelection,
  type DateRange,
  type RangePreset,
} from '@/features/analytics/types/date-range'
import { todayUtc } from '@/features/analytics/utils/days'

/**
 * The range the page shows, kept in the address (`?range=7d` or `?from=&to=`) so a reload or a
 * shared link shows the same days. Choosing replaces the history entry: Back leaves the page
 * rather than stepping through every range tried.
 */
export function useDateRange() {
  const [params, setParams] = useSearchParams()
  const today = todayUtc(Date.now())
  const selection = useMemo(() => readRangeSelection(params, today), [params, today])

  const choose = useCallback(
    (choice: RangePreset | DateRange) => setParams(rangeSearchParams(choice), { replace: true }),
    [setParams],
  )

  return { selection, today, choose }
}
