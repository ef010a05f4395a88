/** The product mark and name; decorative mark, the text carries the meaning. */
export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-semibold tracking-tight text-gray-900 dark:text-gray-50">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-indigo-600" />
        <path d="M8 22V14M14 22V10M20 22V16M26 22H6" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      Quotah
    </span>
  )
}
