import { NavLink } from 'react-router'
import { navItems } from '@/app/layout/nav-items'

const linkBase = 'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors'
const linkActive = 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-200'
const linkIdle =
  'text-gray-700 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-gray-50'

/** The main navigation; NavLink marks the current page with aria-current="page". */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Main" className="px-3 py-4">
      <ul className="space-y-1">
        {navItems.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === '/'}
              onClick={onNavigate}
              className={({ isActive }) => `${linkBase} ${isActive ? linkActive : linkIdle}`}
            >
              {item.icon}
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
