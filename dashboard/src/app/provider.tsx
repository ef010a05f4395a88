import { QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { AuthProvider } from '@/features/auth/components/AuthProvider'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { createQueryClient } from '@/lib/query-client'

/** App-wide context, outside the router so every route shares one session and one query cache. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)

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
