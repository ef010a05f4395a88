import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { LoadingScreen } from '@/components/LoadingScreen'
import type { LoginRedirectState } from '@/features/auth/components/redirect-state'
import { useAuth } from '@/features/auth/hooks/use-auth'

/** Renders its children only for a signed-in user; others go to /login and come back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth()
  const location = useLocation()

  if (state.status === 'restoring') return <LoadingScreen label="Restoring your session…" />
  if (state.status === 'anonymous') {
    const redirect: LoginRedirectState = { from: location.pathname + location.search + location.hash }
    return <Navigate to="/login" replace state={redirect} />
  }
  return children
}
