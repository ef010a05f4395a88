import type { ReactNode } from 'react'
import { AuthProvider } from '@/features/auth/components/AuthProvider'

/** App-wide context, outside the router so every route shares one session. */
export function AppProvider({ children }: { children: ReactNode }) {
  return <AuthProvider>{children}</AuthProvider>
}
