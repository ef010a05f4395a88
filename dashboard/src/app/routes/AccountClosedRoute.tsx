import { useEffect, useRef } from 'react'
import { Navigate, useLocation } from 'react-router'
import { AccountClosedPage } from '@/features/account/components/AccountClosedPage'
import { useAuth } from '@/features/auth/hooks/use-auth'

/** What the account page passes in location.state when it has just closed the account. */
export const accountClosedState = { accountClosed: true } as const

function isJustClosed(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>).accountClosed === true
}

/**
 * Says the account and its data are gone, and ends the session of the closed account (clearing the refresh
 * cookie too). Outside the sign-in guard, so the page stays once signed out; a signed-in user who did not
 * just close their account is sent to the dashboard instead.
 */
export function AccountClosedRoute() {
  const { state, logout } = useAuth()
  const justClosed = isJustClosed(useLocation().state)
  const signOutStarted = useRef(false)

  useEffect(() => {
    if (!justClosed || state.status !== 'authenticated' || signOutStarted.current) return
    signOutStarted.current = true
    void logout()
  }, [justClosed, state.status, logout])

  if (state.status === 'authenticated' && !justClosed) return <Navigate to="/" replace />
  return <AccountClosedPage />
}
