import {
  apiKeyListSchema,
  apiKeySchema,
  type ApiKey,
  type CreateApiKeyRequest,
  type UpdateApiKeyRequest,
} from '@/features/api-keys/types/api-key'
import { apiRequest } from '@/lib/api-client'

export async function getApiKeys(): Promise<ApiKey[]> {
  return apiKeyListSchema.parse(await apiRequest('/api/api-keys'))
}

/** The server checks the key with the provider before answering, so this can take a few seconds. */
export async function createApiKey(request: CreateApiKeyRequest): Promise<ApiKey> {
  return apiKeySchema.parse(await apiRequest('/api/api-keys', { method: 'POST', body: request }))
}

export async function updateApiKey(id: string, changes: UpdateApiKeyRequest): Promise<ApiKey> {
  const path = `/api/api-keys/${encodeURIComponent(id)}`
  return apiKeySchema.parse(await apiRequest(path, { method: 'PATCH', body: changes }))
}

export async function deleteApiKey(id: string): Promise<void> {
  await apiRequest(`/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
