import type { Ref } from 'react'
import { UserMenu } from '@/app/layout/UserMenu'
import { MenuIcon } from '@/components/icons'
import { Logo } from '@/components/Logo'
import { ThemeToggle } from '@/components/ThemeToggle'
import { AlertsBell } from '@/features/alerts/components/AlertsBell'

type TopBarProps = {
  isNavOpen: boolean
  onOpenNav: () => void
  menuButtonRef: Ref<HTMLButtonElement>
}

export function TopBar({ isNavOpen, onOpenNav, menuButtonRef }: TopBarProps) {
  return (
    <header className="sticky top-0 z-20 flex h-16 items-center gap-3 border-b border-gray-200 bg-white/90 px-4 backdrop-blur sm:px-6 dark:border-gray-800 dark:bg-gray-950/90">
      <button
        ref={menuButtonRef}
        type="button"
        onClick={onOpenNav}
        aria-expanded={isNavOpen}
        aria-label="Open navigation"
        className="rounded-md p-2 text-gray-600 hover:bg-gray-100 md:hidden dark:text-gray-400 dark:hover:bg-gray-800"
      >
        <MenuIcon />
      </button>
      <div className="md:hidden">
        <Logo />
      </div>
      <div className="ml-auto flex items-center gap-1">
        <AlertsBell />
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  )
}
