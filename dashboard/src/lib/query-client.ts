import { focusManager, MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError, logUnexpectedError } from '@/lib/api-error'

// TanStack Query looks again when the tab becomes visible; the dashboard also counts a window
// regaining focus (switching back from another application).
focusManager.setEventListener((handleFocus) => {
  const onChange = () => handleFocus()
  window.addEventListener('visibilitychange', onChange, false)
  window.addEventListener('focus', onChange, false)
  return () => {
    window.removeEventListener('visibilitychange', onChange)
    window.removeEventListener('focus', onChange)
  }
})

const MAX_RETRIES = 1

/**
 * Only a failure that may pass by itself is tried again (the network, a 5xx); a 4xx or an
 * answer the page cannot read would fail the same way again.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  return error instanceof ApiError && (error.isNetworkError || error.status >= 500)
}

/** One per app (and per test render, so no test sees another's cache). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Once per failed query or mutation (after its retries), however often the page shows it.
    queryCache: new QueryCache({ onError: logUnexpectedError }),
    mutationCache: new MutationCache({ onError: logUnexpectedError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  })
}
