/** What the account page shows of the signed-in account; the app hands it in from the session. */
export type Account = {
  email: string
  displayName: string
}
