import { useState } from 'react'
import { Button } from '@/components/Button'
import { PageHeader } from '@/components/PageHeader'
import { CloseAccountDialog } from '@/features/account/components/CloseAccountDialog'
import type { Account } from '@/features/account/types/account'
import { usePageTitle } from '@/hooks/use-page-title'

type AccountPageProps = {
  account: Account
  /** Called once the API has closed the account: the app signs out and shows that it is gone. */
  onClosed: () => void | Promise<void>
}

/** The signed-in account: who it is, and closing it. */
export function AccountPage({ account, onClosed }: AccountPageProps) {
  usePageTitle('Account')
  const [isClosing, setIsClosing] = useState(false)

  return (
    <>
      <PageHeader title="Account" description="The account you are signed in with." />

      <div className="max-w-2xl space-y-8">
        <section
          aria-labelledby="account-profile"
          className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm dark:border-gray-800 dark:bg-gray-900"
        >
          <h2 id="account-profile" className="text-base font-semibold text-gray-900 dark:text-gray-50">
            Profile
          </h2>
          <dl className="mt-4 grid gap-4 sm:grid-cols-[10rem_1fr]">
            <dt className="text-sm font-medium text-gray-600 dark:text-gray-400">Name</dt>
            <dd className="text-sm text-gray-900 dark:text-gray-100" data-testid="account-name">
              {account.displayName}
            </dd>
            <dt className="text-sm font-medium text-gray-600 dark:text-gray-400">Email</dt>
            <dd className="text-sm break-all text-gray-900 dark:text-gray-100" data-testid="account-email">
              {account.email}
            </dd>
          </dl>
          <p className="mt-4 text-xs text-gray-600 dark:text-gray-400">
            Your name, email address and password cannot be changed from Quotah yet.
          </p>
        </section>

        <section
          aria-labelledby="account-close"
          className="rounded-lg border border-red-200 bg-white p-6 shadow-sm dark:border-red-900 dark:bg-gray-900"
        >
          <h2 id="account-close" className="text-base font-semibold text-gray-900 dark:text-gray-50">
            Close account
          </h2>
          <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
            Closing the account deletes it and all of its data: API keys, rate-limit readings, usage and cost history,
            alert rules and alerts. It cannot be undone.
          </p>
          <div className="mt-4">
            <Button variant="danger" onClick={() => setIsClosing(true)}>
              Close account…
            </Button>
          </div>
        </section>
      </div>

      {isClosing && <CloseAccountDialog account={account} onClosed={onClosed} onClose={() => setIsClosing(false)} />}
    </>
  )
}
