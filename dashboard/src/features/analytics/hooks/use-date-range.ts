import { useCallback, useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import {
  rangeSearchParams,
  readRangeSelection,
  type DateRange,
  type RangePreset,
} from '@/features/analytics/types/date-range'
import { msUntilNextUtcDay, todayUtc } from '@/features/analytics/utils/days'

/** Today's UTC date, read when the page opens and again as each UTC day begins while it stays open. */
function useTodayUtc(): string {
  const [today, setToday] = useState(() => todayUtc(Date.now()))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>
    // Each wake-up reads the clock again and sleeps until the next midnight, so a timer that fires
    // early (or late, after the computer slept) cannot leave the page on the wrong day.
    const wakeAtMidnight = () => {
      timer = setTimeout(() => {
        setToday(todayUtc(Date.now()))
        wakeAtMidnight()
      }, msUntilNextUtcDay(Date.now()) + 1)
    }
    wakeAtMidnight()
    return () => clearTimeout(timer)
  }, [])
  return today
}

/**
 * The range the page shows, kept in the address (`?range=7d` or `?from=&to=`) so a reload or a
 * shared link shows the same days. Choosing replaces the history entry: Back leaves the page
 * rather than stepping through every range tried.
 */
export function useDateRange() {
  const [params, setParams] = useSearchParams()
  const today = useTodayUtc()
  const selection = useMemo(() => readRangeSelection(params, today), [params, today])

  const choose = useCallback(
    (choice: RangePreset | DateRange) => setParams(rangeSearchParams(choice), { replace: true }),
    [setParams],
  )

  return { selection, today, choose }
}
