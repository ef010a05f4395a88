import { Link } from 'react-router'
import { BellIcon } from '@/components/icons'
import { useUnacknowledgedCount } from '@/features/alerts/hooks/use-unacknowledged-count'

/** The top bar's bell: a link to /alerts with the number of unacknowledged alerts. */
export function AlertsBell() {
  const { data: count } = useUnacknowledgedCount()
  const hasCount = count !== undefined && count > 0
  const label =
    count === undefined ? 'Alerts' : count === 0 ? 'Alerts, none unacknowledged' : `Alerts, ${count} unacknowledged`

  return (
    <Link
      to="/alerts"
      aria-label={label}
      title={label}
      data-testid="alerts-bell"
      data-count={count}
      className="relative rounded-md p-2 text-gray-600 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100"
    >
      <BellIcon className="size-5" />
      {hasCount && (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] leading-none font-semibold text-white ring-2 ring-white dark:ring-gray-950"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  )
}
