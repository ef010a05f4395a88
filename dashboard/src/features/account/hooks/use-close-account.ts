import { useMutation } from '@tanstack/react-query'
import { deleteAccount } from '@/features/account/api/account-api'

/** Closing the account; nothing is cached to update, the app signs out after it. */
export function useCloseAccount() {
  return useMutation({ mutationFn: deleteAccount })
}
