import type { HTMLAttributes } from 'react'

export type StatusTone = 'green' | 'amber' | 'red' | 'grey'

const TONE_CLASSES: Record<StatusTone, string> = {
  green:
    'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-400/30',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-400/30',
  red: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-400/30',
  grey: 'bg-gray-100 text-gray-700 ring-gray-500/30 dark:bg-gray-800 dark:text-gray-200 dark:ring-gray-400/30',
}

const DOT_CLASSES: Record<StatusTone, string> = {
  green: 'bg-emerald-500',
  amber: 'bg-amber-500',
  red: 'bg-red-500',
  grey: 'bg-gray-400',
}

type StatusBadgeProps = HTMLAttributes<HTMLSpanElement> & { tone: StatusTone }

/** A status in words with a matching colour: the words carry the meaning, the colour helps. */
export function StatusBadge({ tone, children, className = '', ...rest }: StatusBadgeProps) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE_CLASSES[tone]} ${className}`}
      {...rest}
    >
      <span aria-hidden="true" className={`size-1.5 shrink-0 rounded-full ${DOT_CLASSES[tone]}`} />
      {children}
    </span>
  )
}
