import { useId, type ReactNode } from 'react'

export type ChartDataRow = { label: string; value: string }

type ChartCardProps = {
  title: string
  description?: string
  /** The figures behind the chart, read by screen readers as a table instead of the drawing. */
  data: { labelHeader: string; valueHeader: string; rows: ChartDataRow[] }
  className?: string
  children: ReactNode
}

/** A titled panel for one chart, with the chart's data as a visually hidden table. */
export function ChartCard({ title, description, data, className = '', children }: ChartCardProps) {
  const headingId = useId()

  return (
    <section
      aria-labelledby={headingId}
      className={`relative min-w-0 rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:p-5 dark:border-gray-800 dark:bg-gray-900 ${className}`}
    >
      <h2 id={headingId} className="text-sm font-semibold text-gray-900 dark:text-gray-50">
        {title}
      </h2>
      {description && <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">{description}</p>}
      <div className="mt-4">{children}</div>
      {/* In a div: a table ignores the 1px width of sr-only and would widen the page on a phone. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{data.labelHeader}</th>
              <th scope="col">{data.valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, index) => (
              <tr key={`${index}-${row.label}`}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
