import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getCostAnalysis, TABLE_GROUP_BY } from '@/features/analytics/api/analytics-api'
import { analyticsKeys } from '@/features/analytics/api/query-keys'
import type { AnalyticsData } from '@/features/analytics/types/cost-analysis'
import type { DateRange } from '@/features/analytics/types/date-range'

/** Cost reports move slowly: coming back to the window within a minute asks nothing again. */
const COST_STALE_MS = 60_000

async function getAnalyticsData(range: DateRange): Promise<AnalyticsData> {
  const [byModelAndKey, byProvider, byModel] = await Promise.all([
    getCostAnalysis(range, TABLE_GROUP_BY),
    getCostAnalysis(range, ['provider']),
    getCostAnalysis(range, ['model']),
  ])
  return { range, byModelAndKey, byProvider, byModel }
}

/**
 * The cost of `range` three ways (by model and key for the table, by provider and by model for the
 * charts), loaded together, one cache entry per range. While a new range loads, the last one stays
 * shown (`isPlaceholderData`).
 */
export function useCostAnalysis({ from, to }: DateRange) {
  return useQuery({
    queryKey: analyticsKeys.costAnalysis({ from, to }),
    queryFn: () => getAnalyticsData({ from, to }),
    placeholderData: keepPreviousData,
    staleTime: COST_STALE_MS,
  })
}
