import { useCallback, useRef, useState } from 'react'
import { Outlet } from 'react-router'
import { MobileNav } from '@/app/layout/MobileNav'
import { SidebarNav } from '@/app/layout/SidebarNav'
import { TopBar } from '@/app/layout/TopBar'
import { Logo } from '@/components/Logo'

/** The signed-in frame: sidebar (a drawer below md), top bar and the page in <main>. */
export function AppShell() {
  const [isNavOpen, setIsNavOpen] = useState(false)
  const menuButtonRef = useRef<HTMLButtonElement>(null)

  const closeNav = useCallback(() => {
    setIsNavOpen(false)
    menuButtonRef.current?.focus()
  }, [])

  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to main content
      </a>

      {/* The column stretches to the page's full height, so its background never stops half way down a long
          page; the navigation inside stays in view while the page scrolls. */}
      <aside className="hidden border-r border-gray-200 bg-white md:block md:w-60 md:shrink-0 dark:border-gray-800 dark:bg-gray-900">
        <div className="md:sticky md:top-0">
          <div className="flex h-16 items-center border-b border-gray-200 px-6 dark:border-gray-800">
            <Logo />
          </div>
          <SidebarNav />
        </div>
      </aside>

      {isNavOpen && <MobileNav onClose={closeNav} />}

      <div className="min-w-0 md:flex-1">
        <TopBar isNavOpen={isNavOpen} onOpenNav={() => setIsNavOpen(true)} menuButtonRef={menuButtonRef} />
        {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
        <main id="main-content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 outline-none sm:px-6 lg:px-8">
          <Outlet />
        </main>
      </div>
    </div>
  )
}
