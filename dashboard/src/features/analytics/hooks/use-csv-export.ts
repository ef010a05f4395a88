import { useCallback, useState } from 'react'
import { exportCostCsv } from '@/features/analytics/api/analytics-api'
import type { DateRange } from '@/features/analytics/types/date-range'
import { errorMessage } from '@/features/analytics/hooks/use-cost-analysis'

type ExportResult = { rangeKey: string; savedAs: string | null; error: string | null }

/**
 * Exports `range` as CSV on demand. What the last export said (saved as, or why it failed) is
 * kept only while the same range is shown: it does not describe another one.
 */
export function useCsvExport(range: DateRange) {
  const rangeKey = `${range.from}/${range.to}`
  const [isExporting, setIsExporting] = useState(false)
  const [result, setResult] = useState<ExportResult | null>(null)

  const run = useCallback(async () => {
    setIsExporting(true)
    setResult(null)
    try {
      const savedAs = await exportCostCsv(range)
      setResult({ rangeKey, savedAs, error: null })
    } catch (error) {
      setResult({ rangeKey, savedAs: null, error: errorMessage(error) })
    } finally {
      setIsExporting(false)
    }
  }, [range, rangeKey])

  const current = result?.rangeKey === rangeKey ? result : null
  return { isExporting, savedAs: current?.savedAs ?? null, error: current?.error ?? null, run }
}
