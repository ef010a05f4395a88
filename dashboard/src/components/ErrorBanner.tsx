import { AlertIcon } from '@/components/icons'

/** Announced by screen readers as soon as it appears. */
export function ErrorBanner({ message }: { message: string }) {
  return (
    <div
      role="alert"
      className="flex gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
    >
      <AlertIcon className="size-5 shrink-0" />
      <p>{message}</p>
    </div>
  )
}
