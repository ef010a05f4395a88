import { postRefresh } from '@/features/auth/api/auth-api'
import type { TokenResponse } from '@/features/auth/types/auth'
import { setRefreshHandler } from '@/lib/api-client'
import { ApiError } from '@/lib/api-error'
import { clearAccessToken, getAccessToken, setAccessToken } from '@/lib/token-store'

/** Renew this long before the access token expires, so requests never carry a stale one. */
const REFRESH_LEAD_SECONDS = 30
/** After a network blip, retry while the current token is still valid. */
const NETWORK_RETRY_MS = 10_000

let refreshTimer: ReturnType<typeof setTimeout> | undefined
let refreshInFlight: Promise<boolean> | null = null

export function startSession(tokens: TokenResponse): void {
  setAccessToken(tokens.accessToken)
  scheduleRefresh(refreshDelayMs(tokens.expiresIn))
}

export function endSession(): void {
  clearTimeout(refreshTimer)
  refreshInFlight = null
  clearAccessToken()
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one
 * request: the server rotates the refresh token, so a second parallel call would fail.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= refreshOnce().finally(() => {
    refreshInFlight = null
  })
  return refreshInFlight
}

async function refreshOnce(): Promise<boolean> {
  try {
    startSession(await postRefresh())
    return true
  } catch (error) {
    if (error instanceof ApiError && error.isNetworkError && getAccessToken() !== null) {
      scheduleRefresh(NETWORK_RETRY_MS)
      return false
    }
    endSession()
    return false
  }
}

export function refreshDelayMs(expiresInSeconds: number): number {
  // Short-lived tokens (under a minute) are renewed at half their lifetime instead.
  const seconds = Math.max(expiresInSeconds - REFRESH_LEAD_SECONDS, expiresInSeconds / 2)
  return seconds * 1000
}

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer)
  refreshTimer = setTimeout(() => void refreshSession(), delayMs)
}

// Every authenticated request that gets a 401 renews the session through here.
setRefreshHandler(refreshSession)
