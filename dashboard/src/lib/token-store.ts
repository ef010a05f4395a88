// The access token lives only in this module's memory, never in localStorage or
// sessionStorage: nothing persisted can be read back by an injected script, and a
// reload simply drops it (the HttpOnly refresh cookie restores the session).

type TokenListener = (token: string | null) => void

let accessToken: string | null = null
const listeners = new Set<TokenListener>()

export function getAccessToken(): string | null {
  return accessToken
}

export function setAccessToken(token: string | null): void {
  if (token === accessToken) return
  accessToken = token
  listeners.forEach((listener) => listener(token))
}

export function clearAccessToken(): void {
  setAccessToken(null)
}

/** Calls `listener` whenever the token changes; returns the unsubscribe function. */
export function subscribeToAccessToken(listener: TokenListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
