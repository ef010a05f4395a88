import type { WindowStatus } from '@/features/rate-limits/types/rate-limits'
import { STATUS_TEXT } from '@/features/rate-limits/utils/window-text'
import { formatPercent } from '@/lib/format'

const RADIUS = 40
const CIRCUMFERENCE = 2 * Math.PI * RADIUS
/** The gauge is a 270° arc open at the bottom, like a dial. */
const ARC = CIRCUMFERENCE * 0.75

const STROKE_CLASSES: Record<WindowStatus, string> = {
  healthy: 'stroke-emerald-500',
  warning: 'stroke-amber-500',
  critical: 'stroke-red-500',
  unknown: 'stroke-gray-400 dark:stroke-gray-500',
}

type UsageGaugeProps = {
  /** 0–100, or null when unknown. */
  usedPercent: number | null
  status: WindowStatus
  className?: string
}

/** A hand-drawn SVG dial of the used share, exposed to assistive technology as a meter. */
export function UsageGauge({ usedPercent, status, className = 'size-24' }: UsageGaugeProps) {
  const known = usedPercent !== null
  const filled = known ? (ARC * usedPercent) / 100 : 0
  const statusText = STATUS_TEXT[status].toLowerCase()
  const a11y = known
    ? {
        role: 'meter',
        'aria-label': 'Used',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': Math.round(usedPercent),
        'aria-valuetext': `${formatPercent(usedPercent)} used, ${statusText}`,
      }
    : { role: 'img', 'aria-label': `Usage unknown, ${statusText}` }

  return (
    <div {...a11y} data-testid="usage-gauge" className={`relative shrink-0 ${className}`}>
      <svg viewBox="0 0 100 100" className="size-full" aria-hidden="true">
        <circle
          cx="50"
          cy="50"
          r={RADIUS}
          fill="none"
          strokeWidth="10"
          strokeLinecap="round"
          strokeDasharray={`${ARC} ${CIRCUMFERENCE}`}
          transform="rotate(135 50 50)"
          className="stroke-gray-200 dark:stroke-gray-800"
        />
        {filled > 0 && (
          <circle
            cx="50"
            cy="50"
            r={RADIUS}
            fill="none"
            strokeWidth="10"
            strokeLinecap="round"
            strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
            transform="rotate(135 50 50)"
            className={`transition-[stroke-dasharray] duration-500 ${STROKE_CLASSES[status]}`}
          />
        )}
      </svg>
      <div aria-hidden="true" className="absolute inset-0 flex flex-col items-center justify-center">
        <span className="text-lg leading-none font-semibold text-gray-900 tabular-nums dark:text-gray-50">
          {known ? formatPercent(usedPercent) : '?'}
        </span>
        <span className="mt-1 text-[0.65rem] tracking-wide text-gray-500 uppercase dark:text-gray-400">
          {known ? 'used' : 'unknown'}
        </span>
      </div>
    </div>
  )
}
