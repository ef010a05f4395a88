import { useCallback, useEffect, useState } from 'react'
import { createApiKey, deleteApiKey, getApiKeys, updateApiKey } from '@/features/api-keys/api/api-keys-api'
import type { ApiKey, CreateApiKeyRequest, UpdateApiKeyRequest } from '@/features/api-keys/types/api-key'
import { ApiError } from '@/lib/api-error'

export type ApiKeysState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; keys: ApiKey[] }

const MALFORMED_ANSWER_MESSAGE = 'Quotah sent an answer this page does not understand. Try again in a moment.'

/** Describes a failure for a banner; an unexpected one (a bug) is logged as well. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail
  console.error(error)
  return MALFORMED_ANSWER_MESSAGE
}

/** The workspace's keys, loaded once, and the changes to them that keep the list in step. */
export function useApiKeys() {
  const [state, setState] = useState<ApiKeysState>({ status: 'loading' })

  const load = useCallback(async (isCurrent: () => boolean = () => true) => {
    setState({ status: 'loading' })
    try {
      const keys = await getApiKeys()
      if (isCurrent()) setState({ status: 'ready', keys })
    } catch (error) {
      if (isCurrent()) setState({ status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    let current = true
    void load(() => current)
    return () => {
      current = false
    }
  }, [load])

  const updateList = (change: (keys: ApiKey[]) => ApiKey[]) =>
    setState((previous) => (previous.status === 'ready' ? { status: 'ready', keys: change(previous.keys) } : previous))

  const add = useCallback(async (request: CreateApiKeyRequest) => {
    const created = await createApiKey(request)
    updateList((keys) => [...keys, created])
    return created
  }, [])

  const update = useCallback(async (id: string, changes: UpdateApiKeyRequest) => {
    const updated = await updateApiKey(id, changes)
    updateList((keys) => keys.map((key) => (key.id === id ? updated : key)))
    return updated
  }, [])

  const remove = useCallback(async (id: string) => {
    await deleteApiKey(id)
    updateList((keys) => keys.filter((key) => key.id !== id))
  }, [])

  const retry = useCallback(() => void load(), [load])

  return { state, retry, add, update, remove }
}
