import { createContext, useContext } from 'react'
import type { User } from '@/features/auth/types/auth'
import type { LoginInput, RegisterInput } from '@/features/auth/types/forms'

export type AuthState =
  | { status: 'restoring' }
  | { status: 'authenticated'; user: User }
  | { status: 'anonymous' }

export type AuthContextValue = {
  state: AuthState
  login: (credentials: LoginInput) => Promise<void>
  /** Creates the account only; signing in is a separate step. */
  register: (input: RegisterInput) => Promise<void>
  logout: () => Promise<void>
}

export const AuthContext = createContext<AuthContextValue | null>(null)

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext)
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>')
  return context
}
