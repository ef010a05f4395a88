import { Link } from 'react-router'
import { buttonClasses } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { KeyIcon, PlusIcon } from '@/components/icons'
import { PageHeader } from '@/components/PageHeader'
import { usePageTitle } from '@/hooks/use-page-title'

export function DashboardPage() {
  usePageTitle('Dashboard')

  return (
    <>
      <PageHeader title="Dashboard" description="Rate-limit headroom and spend across your provider API keys." />
      <EmptyState
        icon={<KeyIcon className="size-6" />}
        title="No API keys yet"
        description="Add a provider API key and Quotah will show how close it is to its rate limits and what it costs."
        action={
          <Link to="/api-keys" className={buttonClasses('primary')}>
            <PlusIcon className="size-4" />
            Add an API key
          </Link>
        }
      />
    </>
  )
}
