import type { ReactNode } from 'react'
import { BellIcon, ChartIcon, HomeIcon, KeyIcon } from '@/components/icons'

export type NavItem = { to: string; label: string; icon: ReactNode }

export const navItems: NavItem[] = [
  { to: '/', label: 'Dashboard', icon: <HomeIcon /> },
  { to: '/api-keys', label: 'API Keys', icon: <KeyIcon /> },
  { to: '/analytics', label: 'Analytics', icon: <ChartIcon /> },
  { to: '/alerts', label: 'Alerts', icon: <BellIcon /> },
]
