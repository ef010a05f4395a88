import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { AuthProvider } from '@/features/auth/components/AuthProvider'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { createQueryClient } from '@/lib/query-client'

/**
 * App-wide context, outside the router so every route shares one session and one query cache. Tests may hand in
 * the query client, to wait on what it holds rather than on time.
 */
export function AppProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient())

  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <ForgetDataOnSignOut />
        {children}
      </AuthProvider>
    </QueryClientProvider>
  )
}

/** Whoever signs in next on this page must not see the last user's cached answers. */
function ForgetDataOnSignOut() {
  const { state } = useAuth()
  const queryClient = useQueryClient()
  useEffect(() => {
    if (state.status === 'anonymous') queryClient.clear()
  }, [state.status, queryClient])
  return null
}
