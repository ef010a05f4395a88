import { Link } from 'react-router'
import { buttonClasses } from '@/components/Button'
import { SearchIcon } from '@/components/icons'
import { Logo } from '@/components/Logo'
import { usePageTitle } from '@/hooks/use-page-title'

export function NotFoundPage() {
  usePageTitle('Page not found')

  return (
    <main id="main-content" className="flex min-h-dvh flex-col items-center justify-center px-4 text-center">
      <Logo />
      <SearchIcon className="mt-10 size-10 text-indigo-600 dark:text-indigo-400" />
      <p className="mt-4 text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-gray-900 dark:text-gray-50">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-gray-600 dark:text-gray-400">
        There is nothing at this address. Check the link, or go back to the dashboard.
      </p>
      <Link to="/" className={`mt-8 ${buttonClasses('primary')}`}>
        Go to the dashboard
      </Link>
    </main>
  )
}
