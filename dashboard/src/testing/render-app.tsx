import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { AppProvider } from '@/app/provider'
import { createQueryClient } from '@/lib/query-client'
import { appRoutes } from '@/app/routes'

// RouterProvider comes from 'react-router', not 'react-router/dom' as in App.tsx: under
// Vitest's Node resolution the /dom entry gets its own copy of the router context, so
// hooks would throw "may be used only in the context of a <Router>". The /dom variant
// only adds ReactDOM.flushSync, which the app does not use.

/** Renders the real app (providers + routes) at `path`, with an in-memory history. */
export function renderApp(path = '/') {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] })
  // delay: null types without a timer per keystroke: same events, faster tests.
  const user = userEvent.setup({ delay: null })
  const queryClient = createQueryClient()
  render(
    <AppProvider client={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { router, user, queryClient, currentPath: () => router.state.location.pathname }
}
