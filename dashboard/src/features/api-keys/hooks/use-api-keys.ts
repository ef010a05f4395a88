import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createApiKey, deleteApiKey, getApiKeys, updateApiKey } from '@/features/api-keys/api/api-keys-api'
import { apiKeyKeys } from '@/features/api-keys/api/query-keys'
import type { ApiKey, UpdateApiKeyRequest } from '@/features/api-keys/types/api-key'

/** The workspace's keys, oldest first as the API lists them. */
export function useApiKeys() {
  return useQuery({ queryKey: apiKeyKeys.list(), queryFn: getApiKeys })
}

// Each change answers with the key as the server now has it (or nothing, for a delete): the list in the
// cache is changed to match at once, with no second request. A refresh still on its way began before the
// change, so it is cancelled rather than let it put the old list back.
async function changeList(queryClient: QueryClient, change: (keys: ApiKey[]) => ApiKey[]) {
  await queryClient.cancelQueries({ queryKey: apiKeyKeys.list() })
  queryClient.setQueryData<ApiKey[]>(apiKeyKeys.list(), (keys) => (keys ? change(keys) : keys))
}

/** Adds a key; the server checks it with the provider first, so this can take a few seconds. */
export function useAddApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: (created) => changeList(queryClient, (keys) => [...keys, created]),
  })
}

export function useUpdateApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateApiKeyRequest }) => updateApiKey(id, changes),
    onSuccess: (updated) => changeList(queryClient, (keys) => keys.map((key) => (key.id === updated.id ? updated : key))),
  })
}

export function useDeleteApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (key: ApiKey) => deleteApiKey(key.id),
    onSuccess: (_answer, deleted) => changeList(queryClient, (keys) => keys.filter((key) => key.id !== deleted.id)),
  })
}
