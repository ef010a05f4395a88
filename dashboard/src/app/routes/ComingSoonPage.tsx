import type { ReactNode } from 'react'
import { EmptyState } from '@/components/EmptyState'
import { PageHeader } from '@/components/PageHeader'
import { usePageTitle } from '@/hooks/use-page-title'

type ComingSoonPageProps = {
  title: string
  icon: ReactNode
  /** What the page will do once it exists. */
  plannedFeature: string
}

/** A page that is in the navigation but not built yet, and says so. */
export function ComingSoonPage({ title, icon, plannedFeature }: ComingSoonPageProps) {
  usePageTitle(title)

  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={icon} title={`${title} is coming soon`} description={`${plannedFeature} This page is not built yet.`} />
    </>
  )
}
