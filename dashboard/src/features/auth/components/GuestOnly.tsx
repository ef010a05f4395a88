import { Navigate, Outlet, useLocation } from 'react-router'
import { LoadingScreen } from '@/components/LoadingScreen'
import { readLoginRedirectState } from '@/features/auth/components/redirect-state'
import { useAuth } from '@/features/auth/hooks/use-auth'

/**
 * Wraps /login and /register. Once the user is signed in (on load, or by submitting
 * the form) it sends them on to where they were going, so the forms never navigate.
 */
export function GuestOnly() {
  const { state } = useAuth()
  const location = useLocation()

  if (state.status === 'restoring') return <LoadingScreen label="Restoring your session…" />
  if (state.status === 'authenticated') {
    return <Navigate to={readLoginRedirectState(location.state).from ?? '/'} replace />
  }
  return <Outlet />
}
