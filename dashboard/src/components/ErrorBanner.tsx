import type { ReactNode } from 'react'
import { AlertIcon } from '@/components/icons'

/** Announced by screen readers as soon as it appears; `action` is e.g. a Retry button. */
export function ErrorBanner({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <div
      role="alert"
      className={`flex flex-wrap gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200 ${action ? 'items-center' : 'items-start'}`}
    >
      <AlertIcon className="size-5 shrink-0" />
      <p className="min-w-0 flex-1">{message}</p>
      {action}
    </div>
  )
}
