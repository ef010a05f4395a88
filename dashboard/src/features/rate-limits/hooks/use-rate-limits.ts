import { useCallback, useEffect, useRef, useState } from 'react'
import { getRateLimits } from '@/features/rate-limits/api/rate-limits-api'
import type { RateLimitsResponse } from '@/features/rate-limits/types/rate-limits'
import { ApiError } from '@/lib/api-error'

export const REFRESH_INTERVAL_MS = 60_000
/** While a key waits for its first poll, look again soon: its cards appear seconds after it is added. */
export const AWAITING_FIRST_DATA_MS = 5_000

export type RateLimitsState = {
  data: RateLimitsResponse | null
  /** When the browser received `data` (epoch ms). */
  receivedAt: number | null
  /** Why the last refresh failed; the last good data stays shown beside it. */
  error: string | null
  isRefreshing: boolean
}

const MALFORMED_ANSWER_MESSAGE = 'Quotah sent an answer the dashboard does not understand.'

/**
 * The rate limits of every key, refreshed every minute while the page is visible and again
 * whenever the window regains focus or visibility. A failed refresh keeps the last data.
 */
export function useRateLimits(intervalMs = REFRESH_INTERVAL_MS) {
  const [state, setState] = useState<RateLimitsState>({
    data: null,
    receivedAt: null,
    error: null,
    isRefreshing: true,
  })
  const inFlight = useRef(false)
  const mounted = useRef(true)

  const refresh = useCallback(async () => {
    // Focus and visibilitychange fire together when a tab comes back: one request is enough.
    if (inFlight.current) return
    inFlight.current = true
    setState((previous) => ({ ...previous, isRefreshing: true }))
    try {
      const data = await getRateLimits()
      if (mounted.current) setState({ data, receivedAt: Date.now(), error: null, isRefreshing: false })
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(error)
      const message = error instanceof ApiError ? error.detail : MALFORMED_ANSWER_MESSAGE
      if (mounted.current) setState((previous) => ({ ...previous, error: message, isRefreshing: false }))
    } finally {
      inFlight.current = false
    }
  }, [])

  useEffect(() => {
    mounted.current = true
    void refresh()

    const timer = setInterval(() => {
      // A hidden tab need not poll; it refreshes as soon as it is shown again.
      if (document.visibilityState !== 'hidden') void refresh()
    }, intervalMs)
    const onFocus = () => void refresh()
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') void refresh()
    }
    window.addEventListener('focus', onFocus)
    document.addEventListener('visibilitychange', onVisibilityChange)

    return () => {
      mounted.current = false
      clearInterval(timer)
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onVisibilityChange)
    }
  }, [refresh, intervalMs])

  const awaitingFirstData = state.data?.keys.some((key) => key.limits.length === 0) ?? false
  useEffect(() => {
    if (!awaitingFirstData) return
    const soon = setInterval(() => void refresh(), AWAITING_FIRST_DATA_MS)
    return () => clearInterval(soon)
  }, [awaitingFirstData, refresh])

  return { ...state, refresh }
}
