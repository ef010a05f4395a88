import type { CloseAccountRequest } from '@/features/account/types/close-account-form'
import { apiRequest } from '@/lib/api-client'

/**
 * Closes the signed-in account (204). The API checks the password first (403 when it is not the account's);
 * then every service deletes the workspace's data.
 */
export async function deleteAccount(request: CloseAccountRequest): Promise<void> {
  await apiRequest('/api/auth/me', { method: 'DELETE', body: request })
}
