import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { AppShell } from '@/app/layout/AppShell'
import { AccountClosedRoute } from '@/app/routes/AccountClosedRoute'
import { AccountRoute } from '@/app/routes/AccountRoute'
import { AlertsRoute } from '@/app/routes/AlertsRoute'
import { NotFoundPage } from '@/app/routes/NotFoundPage'
import { RouteErrorPage } from '@/app/routes/RouteErrorPage'
import { Spinner } from '@/components/Spinner'
import { ApiKeysPage } from '@/features/api-keys/components/ApiKeysPage'
import { GuestOnly } from '@/features/auth/components/GuestOnly'
import { LoginPage } from '@/features/auth/components/LoginPage'
import { RegisterPage } from '@/features/auth/components/RegisterPage'
import { RequireAuth } from '@/features/auth/components/RequireAuth'
import { DashboardPage } from '@/features/rate-limits/components/DashboardPage'

// Analytics is the largest page and not the first one people open: it loads on first visit.
const AnalyticsPage = lazy(() =>
  import('@/features/analytics/components/AnalyticsPage').then((module) => ({ default: module.AnalyticsPage })),
)

const pageLoading = (
  <div className="flex justify-center py-16 text-indigo-600 dark:text-indigo-400">
    <Spinner label="Loading…" className="size-8" />
  </div>
)

// Shared by the browser router and the tests' memory router, so tests exercise the real tree.
export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/register', element: <RegisterPage /> },
        ],
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
          {
            path: 'analytics',
            element: (
              <Suspense fallback={pageLoading}>
                <AnalyticsPage />
              </Suspense>
            ),
          },
          {
            path: 'alerts',
            element: (
              <Suspense fallback={pageLoading}>
                <AlertsRoute />
              </Suspense>
            ),
          },
          { path: 'account', element: <AccountRoute /> },
        ],
      },
      // Neither a guest page nor a signed-in one: it ends the session of the account just closed.
      { path: '/account-closed', element: <AccountClosedRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
