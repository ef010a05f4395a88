import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { getCurrentUser, postLogin, postLogout, postRegister } from '@/features/auth/api/auth-api'
import { endSession, refreshSession, startSession } from '@/features/auth/api/session'
import { AuthContext, type AuthState } from '@/features/auth/hooks/use-auth'
import type { LoginInput, RegisterInput } from '@/features/auth/types/forms'
import { subscribeToAccessToken } from '@/lib/token-store'

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'restoring' })
  const restoreStarted = useRef(false)

  useEffect(() => {
    // StrictMode runs effects twice; restoring twice would spend the refresh cookie twice.
    if (restoreStarted.current) return
    restoreStarted.current = true
    restoreSession().then((user) =>
      setState(user ? { status: 'authenticated', user } : { status: 'anonymous' }),
    )
  }, [])

  // Whoever clears the token (a failed refresh, a final 401) ends the session in the UI too.
  useEffect(
    () =>
      subscribeToAccessToken((token) => {
        if (token === null) setState({ status: 'anonymous' })
      }),
    [],
  )

  const login = useCallback(async (credentials: LoginInput) => {
    startSession(await postLogin(credentials))
    try {
      setState({ status: 'authenticated', user: await getCurrentUser() })
    } catch (error) {
      endSession()
      throw error
    }
  }, [])

  const register = useCallback(async (input: RegisterInput) => {
    await postRegister(input)
  }, [])

  const logout = useCallback(async () => {
    try {
      await postLogout()
    } catch {
      // The local session ends anyway; the refresh cookie expires on its own.
    } finally {
      endSession()
      setState({ status: 'anonymous' })
    }
  }, [])

  const value = useMemo(() => ({ state, login, register, logout }), [state, login, register, logout])
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

async function restoreSession() {
  if (!(await refreshSession())) return null
  try {
    return await getCurrentUser()
  } catch {
    endSession()
    return null
  }
}
