export function PageHeader({ title, description }: { title: string; description?: string }) {
  return (
    <header className="mb-8">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900 dark:text-gray-50">{title}</h1>
      {description && <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">{description}</p>}
    </header>
  )
}
