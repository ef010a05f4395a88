import { useState } from 'react'
import { MoonIcon, SunIcon } from '@/components/icons'
import { applyTheme, appliedTheme, storeTheme } from '@/lib/theme'

export function ThemeToggle() {
  // main.tsx applies the preferred theme before rendering, so <html> is the truth.
  const [theme, setTheme] = useState(appliedTheme)
  const next = theme === 'dark' ? 'light' : 'dark'

  function toggle() {
    applyTheme(next)
    storeTheme(next)
    setTheme(next)
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      className="rounded-md p-2 text-gray-600 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100"
    >
      {theme === 'dark' ? <SunIcon className="size-5" /> : <MoonIcon className="size-5" />}
    </button>
  )
}
