import { useEffect, useId, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { ChevronDownIcon, LogoutIcon, UserIcon } from '@/components/icons'
import { Spinner } from '@/components/Spinner'
import { useAuth } from '@/features/auth/hooks/use-auth'

/** A disclosure (button + panel) rather than an ARIA menu: Tab and Escape are all it needs. */
export function UserMenu() {
  const { state, logout } = useAuth()
  const navigate = useNavigate()
  const [isOpen, setIsOpen] = useState(false)
  const [isLoggingOut, setIsLoggingOut] = useState(false)
  const containerRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!isOpen) return
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return
      setIsOpen(false)
      buttonRef.current?.focus()
    }
    function onPointerDown(event: MouseEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('mousedown', onPointerDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('mousedown', onPointerDown)
    }
  }, [isOpen])

  if (state.status !== 'authenticated') return null
  const { user } = state

  async function handleLogout() {
    setIsLoggingOut(true)
    await logout()
    navigate('/login', { replace: true })
  }

  return (
    <div
      ref={containerRef}
      className="relative"
      onBlur={(event) => {
        // Tabbing out of the menu closes it, like clicking elsewhere does.
        if (!event.currentTarget.contains(event.relatedTarget)) setIsOpen(false)
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={`Account menu for ${user.displayName}`}
        onClick={() => setIsOpen((open) => !open)}
        className="flex items-center gap-2 rounded-md p-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 dark:text-gray-200 dark:hover:bg-gray-800"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white"
        >
          {initials(user.displayName)}
        </span>
        <span className="hidden max-w-40 truncate sm:block">{user.displayName}</span>
        <ChevronDownIcon className="size-4" />
      </button>

      {isOpen && (
        <div
          id={panelId}
          className="absolute right-0 z-30 mt-2 w-64 rounded-md border border-gray-200 bg-white py-1 shadow-lg dark:border-gray-800 dark:bg-gray-900"
        >
          <div className="border-b border-gray-200 px-4 py-3 dark:border-gray-800">
            <p className="truncate text-sm font-medium text-gray-900 dark:text-gray-50">{user.displayName}</p>
            <p className="truncate text-sm text-gray-600 dark:text-gray-400">{user.email}</p>
          </div>
          <Link
            to="/account"
            onClick={() => setIsOpen(false)}
            className="flex w-full items-center gap-2 px-4 py-2 text-left text-sm text-gray-700 hover:bg-gray-100 dark:text-gray-200 dark:hover:bg-gray-800"
          >
            <UserIcon className="size-4" />
            Account settings
          </Link>
          <button
            type="button"
            onClick={handleLogout}
            disabled={isLoggingOut}
            className="flex w-full items-center gap-2 px-4 py-2 text-left text-sm text-gray-700 hover:bg-gray-100 dark:text-gray-200 dark:hover:bg-gray-800"
          >
            {isLoggingOut ? <Spinner className="size-4" /> : <LogoutIcon className="size-4" />}
            Log out
          </button>
        </div>
      )}
    </div>
  )
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
  return letters.join('') || '?'
}
