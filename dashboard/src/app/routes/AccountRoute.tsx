import { useNavigate } from 'react-router'
import { accountClosedState } from '@/app/routes/AccountClosedRoute'
import { AccountPage } from '@/features/account/components/AccountPage'
import { useAuth } from '@/features/auth/hooks/use-auth'

/** Composes the two features: the account page shows the signed-in user, and a closed account ends the session. */
export function AccountRoute() {
  const { state } = useAuth()
  const navigate = useNavigate()
  if (state.status !== 'authenticated') return null
  const { email, displayName } = state.user

  // The page that says the account is gone ends the session once it shows: ending it here, while this page is
  // still the one shown, would let the sign-in guard send the user to /login first.
  const showAccountClosed = () => navigate('/account-closed', { replace: true, state: accountClosedState })

  return <AccountPage account={{ email, displayName }} onClosed={showAccountClosed} />
}
