import { useSearchParams } from 'react-router'
import { ALERT_STATES, SEVERITIES, type AlertFilters } from '@/features/alerts/types/alert'

/** The API's default page size. */
export const PAGE_SIZE = 20

export type FilterName = 'severity' | 'state' | 'acknowledged'

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value)
}

/**
 * The history's filters and page live in the address (`?severity=CRITICAL&state=RAISED&acknowledged=no&page=2`),
 * so Back works and a view can be shared; `?alert=<id>` (the link in an alert's email) names the
 * alert to open. Page numbers in the address count from 1; the API's count from 0.
 */
export function useHistoryFilters() {
  const [params, setParams] = useSearchParams()

  const acknowledged = params.get('acknowledged')
  const pageNumber = Number.parseInt(params.get('page') ?? '1', 10)
  const filters: AlertFilters = {
    severity: oneOf(params.get('severity'), SEVERITIES),
    state: oneOf(params.get('state'), ALERT_STATES),
    acknowledged: acknowledged === 'yes' ? true : acknowledged === 'no' ? false : undefined,
    page: Number.isFinite(pageNumber) && pageNumber > 1 ? pageNumber - 1 : 0,
    size: PAGE_SIZE,
  }

  /** A new filter shows its first page; the linked alert is left behind. */
  function setFilter(name: FilterName, value: string) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        if (value) next.set(name, value)
        else next.delete(name)
        next.delete('page')
        next.delete('alert')
        return next
      },
      { replace: true },
    )
  }

  /** `page` counts from 0. */
  function setPage(page: number) {
    setParams((previous) => {
      const next = new URLSearchParams(previous)
      if (page > 0) next.set('page', String(page + 1))
      else next.delete('page')
      return next
    })
  }

  return {
    filters,
    /** The filter values as the selects show them ('' = all). */
    selected: {
      severity: filters.severity ?? '',
      state: filters.state ?? '',
      acknowledged: acknowledged === 'yes' || acknowledged === 'no' ? acknowledged : '',
    },
    linkedAlertId: params.get('alert'),
    setFilter,
    setPage,
  }
}
