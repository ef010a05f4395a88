import { apiRequest } from '@/lib/api-client'
import {
  tokenResponseSchema,
  userSchema,
  type TokenResponse,
  type User,
} from '@/features/auth/types/auth'
import type { LoginInput, RegisterInput } from '@/features/auth/types/forms'

// Endpoints that establish a session must not trigger the refresh-and-retry logic.

export async function postLogin(credentials: LoginInput): Promise<TokenResponse> {
  const body = await apiRequest('/api/auth/login', { method: 'POST', body: credentials, auth: false })
  return tokenResponseSchema.parse(body)
}

export async function postRegister(input: RegisterInput): Promise<User> {
  const body = await apiRequest('/api/auth/register', { method: 'POST', body: input, auth: false })
  return userSchema.parse(body)
}

export async function postRefresh(): Promise<TokenResponse> {
  const body = await apiRequest('/api/auth/refresh', { method: 'POST', auth: false })
  return tokenResponseSchema.parse(body)
}

export async function postLogout(): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST', auth: false })
}

export async function getCurrentUser(): Promise<User> {
  return userSchema.parse(await apiRequest('/api/auth/me'))
}
