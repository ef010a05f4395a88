import { lazy } from 'react'
import { useAuth } from '@/features/auth/hooks/use-auth'

// The page brings react-hook-form and the rule form: it loads on first visit.
const AlertsPage = lazy(() =>
  import('@/features/alerts/components/AlertsPage').then((module) => ({ default: module.AlertsPage })),
)

/** Composes the two features: the alerts page offers the signed-in user's email as a new rule's first channel. */
export function AlertsRoute() {
  const { state } = useAuth()
  return <AlertsPage defaultEmail={state.status === 'authenticated' ? state.user.email : undefined} />
}
