export function NoticeBanner({ message }: { message: string }) {
  return (
    <div
      role="status"
      className="rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100"
    >
      {message}
    </div>
  )
}
