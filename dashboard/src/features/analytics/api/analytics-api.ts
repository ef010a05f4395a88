import { costAnalysisSchema, type CostAnalysis, type GroupBy } from '@/features/analytics/types/cost-analysis'
import type { DateRange } from '@/features/analytics/types/date-range'
import { apiDownload, apiRequest } from '@/lib/api-client'
import { saveFile } from '@/lib/download'

// Days are plain YYYY-MM-DD and groupings fixed words, so the query is written out as the API
// documents it ("groupBy=model,key"), not with the comma percent-encoded.
function rangeQuery(range: DateRange, groupBy: readonly GroupBy[]): string {
  return `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}&groupBy=${groupBy.join(',')}`
}

export async function getCostAnalysis(range: DateRange, groupBy: readonly GroupBy[]): Promise<CostAnalysis> {
  return costAnalysisSchema.parse(await apiRequest(`/api/multi/cost-analysis?${rangeQuery(range, groupBy)}`))
}

/** The grouping of the page's table, and so of its export. */
export const TABLE_GROUP_BY: readonly GroupBy[] = ['model', 'key']

/** Downloads the cost of `range` by model and key as CSV, named as the server suggests. */
export async function exportCostCsv(range: DateRange): Promise<string> {
  const file = await apiDownload(`/api/analytics/export.csv?${rangeQuery(range, TABLE_GROUP_BY)}`)
  const filename = file.filename ?? `quotah-cost-${range.from}-to-${range.to}.csv`
  saveFile(file.blob, filename)
  return filename
}
