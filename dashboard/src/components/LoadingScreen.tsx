import { Spinner } from '@/components/Spinner'

export function LoadingScreen({ label }: { label: string }) {
  return (
    <div className="flex min-h-dvh items-center justify-center text-indigo-600 dark:text-indigo-400">
      <Spinner label={label} className="size-8" />
    </div>
  )
}
