import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { endSession } from '@/features/auth/api/session'

// The machine is shared with other builds: give findBy* queries room before failing.
configure({ asyncUtilTimeout: 4000 })

afterEach(() => {
  cleanup()
  // The token store and refresh timer are module state: no test may inherit a session.
  endSession()
  localStorage.clear()
  sessionStorage.clear()
  document.documentElement.className = ''
  document.title = ''
})
