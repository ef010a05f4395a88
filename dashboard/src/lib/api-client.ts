import { networkError, problemToApiError } from '@/lib/api-error'
import { filenameFromContentDisposition } from '@/lib/download'
import { clearAccessToken, getAccessToken } from '@/lib/token-store'

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type RequestOptions = {
  method?: HttpMethod
  body?: unknown
  /** Send the access token and, on a 401, refresh it once and retry. Default true. */
  auth?: boolean
}

/** Gets a new access token; resolves false when the session cannot be renewed. */
type RefreshHandler = () => Promise<boolean>

let refreshHandler: RefreshHandler | null = null

/** The auth feature plugs its refresh logic in here; this module knows no endpoints. */
export function setRefreshHandler(handler: RefreshHandler | null): void {
  refreshHandler = handler
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await sendWithRefresh(path, options, 'application/json, application/problem+json')
  const body = await readBody(response)
  if (!response.ok) throw problemToApiError(response.status, body)
  return body as T
}

export type DownloadedFile = {
  blob: Blob
  /** From the answer's Content-Disposition, when it names one. */
  filename: string | null
}

/** A file the API makes (e.g. a CSV export), fetched with the token as any other call. */
export async function apiDownload(path: string, accept = 'text/csv'): Promise<DownloadedFile> {
  const response = await sendWithRefresh(path, {}, `${accept}, application/problem+json`)
  if (!response.ok) throw problemToApiError(response.status, await readBody(response))
  return {
    blob: await response.blob(),
    filename: filenameFromContentDisposition(response.headers.get('Content-Disposition')),
  }
}

async function sendWithRefresh(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const auth = options.auth ?? true
  let response = await send(path, options, auth, accept)

  if (response.status === 401 && auth && refreshHandler) {
    const refreshed = await refreshHandler()
    if (refreshed) response = await send(path, options, auth, accept)
    // Still rejected: the session is over; clearing the token sends the user to /login.
    if (response.status === 401) clearAccessToken()
  }
  return response
}

async function send(path: string, options: RequestOptions, auth: boolean, accept: string): Promise<Response> {
  const headers = new Headers({ Accept: accept })
  if (options.body !== undefined) headers.set('Content-Type', 'application/json')
  const token = auth ? getAccessToken() : null
  if (token) headers.set('Authorization', `Bearer ${token}`)

  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // The refresh token is an HttpOnly cookie: the browser must send it itself.
      credentials: 'include',
    })
  } catch {
    throw networkError()
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
