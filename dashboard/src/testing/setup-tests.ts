import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { endSession } from '@/features/auth/api/session'

afterEach(() => {
  cleanup()
  // The token store and refresh timer are module state: no test may inherit a session.
  endSession()
  localStorage.clear()
  sessionStorage.clear()
  document.documentElement.className = ''
  document.title = ''
})
