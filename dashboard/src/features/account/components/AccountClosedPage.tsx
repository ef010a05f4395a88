import { Link } from 'react-router'
import { buttonClasses } from '@/components/Button'
import { Logo } from '@/components/Logo'
import { usePageTitle } from '@/hooks/use-page-title'

/** Where the app lands after closing an account, signed out. */
export function AccountClosedPage() {
  usePageTitle('Account closed')

  return (
    <main id="main-content" className="flex min-h-dvh flex-col items-center justify-center px-4 text-center">
      <Logo />
      <h1 className="mt-10 text-2xl font-semibold tracking-tight text-gray-900 dark:text-gray-50">Your account is closed</h1>
      <p className="mt-2 max-w-md text-sm text-gray-600 dark:text-gray-400">
        Your Quotah account and its data are gone: its API keys, rate-limit readings, usage and cost history, alert
        rules and alerts are deleted, and you are signed out. The keys themselves keep working at their providers.
      </p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <Link to="/register" className={buttonClasses('primary')}>
          Create a new account
        </Link>
        <Link to="/login" className={buttonClasses('secondary')}>
          Sign in
        </Link>
      </div>
    </main>
  )
}
