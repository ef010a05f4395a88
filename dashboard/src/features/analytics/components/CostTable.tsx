import { useState, type ReactNode } from 'react'
import { ChevronDownIcon, ChevronUpIcon } from '@/components/icons'
import { StatusBadge } from '@/components/StatusBadge'
import type { CostAnalysis, CostBreakdown } from '@/features/analytics/types/cost-analysis'
import {
  aggregateCostText,
  costText,
  knownCostCents,
  knownRequests,
  reportedDiffers,
  reportedVsComputedText,
  requestsText,
  TOKEN_KINDS,
  totalRequestsText,
} from '@/features/analytics/utils/cost-text'
import { formatCount } from '@/lib/format'
import { formatMoney } from '@/lib/money'
import { providerName } from '@/lib/providers'

type SortKey = 'model' | 'key' | 'requests' | 'cost'
type Sort = { key: SortKey; direction: 'ascending' | 'descending' }
type HeaderOptions = { align?: 'left' | 'right'; sticky?: boolean; colSpan?: number }

/** The first click on a column sorts what matters most first: big numbers down, names A to Z. */
const FIRST_DIRECTION: Record<SortKey, Sort['direction']> = {
  model: 'ascending',
  key: 'ascending',
  requests: 'descending',
  cost: 'descending',
}

const cellBase = 'px-2.5 py-2.5 whitespace-nowrap'
const numberCell = `${cellBase} text-right tabular-nums`
const unknownCostText = 'text-amber-800 italic dark:text-amber-200'
/** The markers beside a cost: narrow, wrapping, and close to the figure they qualify. */
const markerCell = 'min-w-40 max-w-52 py-2.5 pr-2.5 pl-0 text-xs text-gray-600 dark:text-gray-400'
/** The model column stays in view while the figures scroll sideways on a phone. */
const stickyCell = 'sticky left-0 z-10 bg-white dark:bg-gray-900'

/**
 * The range's usage and cost per model and key (a groupBy=model,key answer), with a totals row
 * that is the answer's own total. Sortable by model, key, requests and cost.
 */
export function CostTable({ analysis }: { analysis: CostAnalysis }) {
  const [sort, setSort] = useState<Sort>({ key: 'cost', direction: 'descending' })
  const rows = sortRows(analysis.breakdown, sort)
  const { total, currency } = analysis
  const totalCost = aggregateCostText(total, currency)
  const totalRequests = totalRequestsText(total, analysis.breakdown)

  function sortBy(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION[key] },
    )
  }

  const sortableHeader = (key: SortKey, label: string, options: HeaderOptions = {}) => (
    <th
      scope="col"
      colSpan={options.colSpan}
      aria-sort={sort.key === key ? sort.direction : undefined}
      className={`px-1 py-1.5 align-bottom ${options.align === 'right' ? 'text-right' : 'text-left'} ${options.sticky ? 'sticky left-0 z-10 bg-gray-50 dark:bg-gray-800' : ''}`}
    >
      <button
        type="button"
        onClick={() => sortBy(key)}
        className={`inline-flex items-center gap-1 rounded px-1.5 py-1 font-semibold uppercase hover:bg-gray-200/70 hover:text-gray-900 dark:hover:bg-gray-700 dark:hover:text-gray-50 ${options.align === 'right' ? 'flex-row-reverse' : ''}`}
      >
        {label}
        {sort.key === key &&
          (sort.direction === 'ascending' ? <ChevronUpIcon className="size-3.5" /> : <ChevronDownIcon className="size-3.5" />)}
      </button>
    </th>
  )

  // Cost comes right after the names, so it is in view without scrolling; its second column holds
  // the markers (unknown price, reported ≠ computed), kept out of the cost cell so that cell reads
  // as the cost alone.
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <table data-testid="cost-table" className="w-full text-left text-sm">
        <caption className="sr-only">
          Cost by model and key, sorted by {sort.key} {sort.direction}
        </caption>
        <thead className="bg-gray-50 text-xs text-gray-600 dark:bg-gray-800 dark:text-gray-400">
          <tr>
            {sortableHeader('model', 'Model', { sticky: true })}
            {sortableHeader('key', 'Key')}
            {sortableHeader('cost', 'Cost', { colSpan: 2 })}
            {sortableHeader('requests', 'Requests', { align: 'right' })}
            {TOKEN_KINDS.map((kind) => (
              <th
                key={kind.field}
                scope="col"
                className="min-w-20 px-2.5 py-2.5 text-right align-bottom font-semibold uppercase"
              >
                {kind.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
          {rows.map((row) => (
            <tr
              key={`${row.model ?? ''}|${row.keyId ?? ''}`}
              data-testid="cost-row"
              data-model={row.model ?? ''}
              data-key-id={row.keyId ?? ''}
              className="align-top"
            >
              <th scope="row" className={`${cellBase} ${stickyCell} font-medium text-gray-900 dark:text-gray-50`}>
                <span className="block max-w-36 truncate font-mono text-xs sm:max-w-56" title={row.model ?? undefined}>
                  {row.model ?? 'Unknown model'}
                </span>
                {row.provider && (
                  <span className="block text-xs font-normal text-gray-600 dark:text-gray-400">
                    {providerName(row.provider)}
                  </span>
                )}
              </th>
              <td className={`${cellBase} text-gray-700 dark:text-gray-300`}>
                <KeyName row={row} />
              </td>
              <td
                data-testid="row-cost"
                className={`${numberCell} font-medium ${knownCostCents(row) === null ? unknownCostText : 'text-gray-900 dark:text-gray-50'}`}
              >
                {costText(row, currency)}
              </td>
              <td className={markerCell}>
                <RowNotes row={row} currency={currency} />
              </td>
              <RequestsCell figures={row} />
              {TOKEN_KINDS.map((kind) => (
                <td key={kind.field} className={`${numberCell} text-gray-700 dark:text-gray-300`}>
                  {formatCount(row[kind.field])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-gray-200 bg-gray-50 font-semibold dark:border-gray-700 dark:bg-gray-800">
          <tr data-testid="cost-total-row" className="align-top">
            <th
              scope="row"
              className={`${cellBase} sticky left-0 z-10 bg-gray-50 text-gray-900 dark:bg-gray-800 dark:text-gray-50`}
            >
              Total
            </th>
            <td className={cellBase} />
            <td data-testid="total-row-cost" className={`${numberCell} text-gray-900 dark:text-gray-50`}>
              {totalCost.text}
            </td>
            <td className={`${markerCell} font-normal`}>
              <Notes>
                {totalCost.partial && (
                  <StatusBadge
                    tone="amber"
                    title="Some usage is of models Quotah has no price for; it is not in this total."
                  >
                    Plus unpriced usage
                  </StatusBadge>
                )}
                {reportedDiffers(total) && <DiffersNote figures={total} currency={currency} />}
              </Notes>
            </td>
            <td data-testid="total-row-requests" className={`${numberCell} text-gray-900 dark:text-gray-50`}>
              {totalRequests.text}
              {totalRequests.partial && (
                <span
                  className="block text-xs font-normal text-gray-600 dark:text-gray-400"
                  title="Some providers report no request count; those rows are not in this total."
                >
                  plus not reported
                </span>
              )}
            </td>
            {TOKEN_KINDS.map((kind) => (
              <td key={kind.field} className={`${numberCell} text-gray-900 dark:text-gray-50`}>
                {formatCount(total[kind.field])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function KeyName({ row }: { row: CostBreakdown }) {
  if (row.keyLabel) return <span className="block max-w-28 truncate sm:max-w-48" title={row.keyLabel}>{row.keyLabel}</span>
  if (row.keyId) {
    return (
      <span title={row.keyId}>
        Unlabelled key <span className="font-mono text-xs">{row.keyId.slice(0, 8)}</span>
      </span>
    )
  }
  return <span className="text-gray-500">No key</span>
}

function RowNotes({ row, currency }: { row: CostBreakdown; currency: string }) {
  if (row.unknownPrice) {
    const reported = row.reportedCost !== null
    return (
      <Notes>
        <StatusBadge
          tone="amber"
          data-testid="unknown-price"
          title={
            reported
              ? 'Quotah has no price for this model; the cost shown is what the provider reported.'
              : 'Quotah has no price for this model and the provider reported no cost, so its cost is unknown.'
          }
        >
          Unknown price
        </StatusBadge>
        {reported && <span>Cost as reported by the provider</span>}
      </Notes>
    )
  }
  if (row.costDiffers) {
    return (
      <Notes>
        <DiffersNote figures={row} currency={currency} />
      </Notes>
    )
  }
  return null
}

type DiffersNoteProps = { figures: Parameters<typeof reportedVsComputedText>[0]; currency: string }

function DiffersNote({ figures, currency }: DiffersNoteProps) {
  const text = reportedVsComputedText(figures, currency)
  const computed = formatMoney(figures.computedCost, currency)
  return (
    <>
      <StatusBadge
        tone="amber"
        data-testid="cost-differs"
        title={`${text}. The provider's reported cost counts; Quotah's prices give ${computed}.`}
      >
        Reported ≠ computed
      </StatusBadge>
      <span data-testid="cost-differs-detail">{text}</span>
    </>
  )
}

function Notes({ children }: { children: ReactNode }) {
  return <div className="flex flex-col items-start gap-1">{children}</div>
}

function sortRows(rows: readonly CostBreakdown[], sort: Sort): CostBreakdown[] {
  const sign = sort.direction === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (sort.key === 'cost') {
      const [costA, costB] = [knownCostCents(a), knownCostCents(b)]
      // An unknown cost is not smaller or larger than any other: it goes last either way.
      if (costA === null || costB === null) return costA === costB ? 0 : costA === null ? 1 : -1
      return sign * (costA - costB) || compareText(a.model, b.model)
    }
    if (sort.key === 'requests') {
      const [requestsA, requestsB] = [knownRequests(a), knownRequests(b)]
      // Requests a provider did not report are not fewer or more than any count: last either way.
      if (requestsA === null || requestsB === null) return requestsA === requestsB ? 0 : requestsA === null ? 1 : -1
      return sign * (requestsA - requestsB) || compareText(a.model, b.model)
    }
    if (sort.key === 'model') return sign * compareText(a.model, b.model) || compareText(a.keyLabel, b.keyLabel)
    return sign * compareText(a.keyLabel ?? a.keyId, b.keyLabel ?? b.keyId) || compareText(a.model, b.model)
  })
}

/** A row's requests, or "not reported" (muted, with the reason on hover) where the provider gave none. */
function RequestsCell({ figures }: { figures: CostBreakdown }) {
  const known = knownRequests(figures) !== null
  return (
    <td
      data-testid="row-requests"
      className={`${numberCell} ${known ? 'text-gray-700 dark:text-gray-300' : 'text-gray-500 italic dark:text-gray-400'}`}
      title={known ? undefined : 'The provider’s usage report carries no request count (Anthropic’s does not).'}
    >
      {requestsText(figures)}
    </td>
  )
}

function compareText(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '')
}
