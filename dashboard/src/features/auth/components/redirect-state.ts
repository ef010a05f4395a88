/** What protected routes and the register page pass to /login in location.state. */
export type LoginRedirectState = {
  /** Where the user was going before being sent to sign in. */
  from?: string
  /** A message to show above the form, e.g. after creating an account. */
  notice?: string
}

export function readLoginRedirectState(state: unknown): LoginRedirectState {
  if (typeof state !== 'object' || state === null) return {}
  const { from, notice } = state as Record<string, unknown>
  return {
    // Only same-app paths: "//host" would leave the site.
    from: typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : undefined,
    notice: typeof notice === 'string' ? notice : undefined,
  }
}
