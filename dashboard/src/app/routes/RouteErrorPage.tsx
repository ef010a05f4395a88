import { buttonClasses } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { usePageTitle } from '@/hooks/use-page-title'

/** Shown instead of a blank screen when rendering a page throws. */
export function RouteErrorPage() {
  usePageTitle('Something went wrong')

  return (
    <main id="main-content" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900 dark:text-gray-50">Something went wrong</h1>
      <ErrorBanner message="This page could not be shown. Reloading usually helps; if it does not, tell your Quotah administrator." />
      {/* A full reload, not a client-side navigation, to start from a clean state. */}
      <a href="/" className={buttonClasses('secondary')}>
        Reload Quotah
      </a>
    </main>
  )
}
