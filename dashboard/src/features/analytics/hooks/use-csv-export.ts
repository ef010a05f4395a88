import { useMutation } from '@tanstack/react-query'
import { exportCostCsv } from '@/features/analytics/api/analytics-api'
import type { DateRange } from '@/features/analytics/types/date-range'
import { describeError } from '@/lib/api-error'

/**
 * Exports `range` as CSV on demand. What the last export said (saved as, or why it failed) is shown
 * only while the same range is: it does not describe another one.
 */
export function useCsvExport(range: DateRange) {
  const exportCsv = useMutation({ mutationFn: exportCostCsv })
  const exported = exportCsv.variables
  const sameRange = exported?.from === range.from && exported?.to === range.to

  return {
    isExporting: exportCsv.isPending,
    /** The file name it was saved under. */
    savedAs: sameRange && exportCsv.isSuccess ? exportCsv.data : null,
    error: sameRange && exportCsv.isError ? describeError(exportCsv.error) : null,
    run: () => exportCsv.mutate(range),
  }
}
