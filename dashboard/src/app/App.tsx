import { useState } from 'react'
import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { AppProvider } from '@/app/provider'
import { appRoutes } from '@/app/routes'

export function App() {
  const [router] = useState(() => createBrowserRouter(appRoutes))

  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
