export type FieldError = { field: string; message: string }

export const UNREACHABLE_MESSAGE =
  'Quotah is not reachable. Check your connection and try again in a moment.'

/** An RFC 9457 problem answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly fieldErrors: FieldError[]

  constructor(status: number, title: string, detail: string, fieldErrors: FieldError[] = []) {
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.title = title
    this.detail = detail
    this.fieldErrors = fieldErrors
  }

  get isNetworkError(): boolean {
    return this.status === 0
  }
}

export function networkError(): ApiError {
  return new ApiError(0, 'Network error', UNREACHABLE_MESSAGE)
}

type ProblemBody = {
  title?: unknown
  detail?: unknown
  errors?: unknown
}

export function problemToApiError(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody
  const title = typeof problem.title === 'string' ? problem.title : `HTTP ${status}`
  const detail = typeof problem.detail === 'string' ? problem.detail : fallbackDetail(status)
  return new ApiError(status, title, detail, readFieldErrors(problem.errors))
}

function readFieldErrors(errors: unknown): FieldError[] {
  if (!Array.isArray(errors)) return []
  return errors.filter(
    (entry): entry is FieldError =>
      typeof entry?.field === 'string' && typeof entry?.message === 'string',
  )
}

function fallbackDetail(status: number): string {
  // A gateway answers 502-504 itself when the service behind it is down.
  if (status >= 502 && status <= 504) return UNREACHABLE_MESSAGE
  if (status >= 500) return `Quotah ran into a problem (HTTP ${status}). Try again in a moment.`
  return `The request failed (HTTP ${status}).`
}

const MALFORMED_ANSWER_MESSAGE = 'Quotah sent an answer this page does not understand. Try again in a moment.'

/**
 * Describes a failure for a banner: the API's own sentence, or for anything else (a bug, an answer of
 * the wrong shape) a general one. Pure, so a page may call it on every render; the query client logs
 * unexpected failures once, as they happen (see `logUnexpectedError`).
 */
export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.detail : MALFORMED_ANSWER_MESSAGE
}

/** Logs a failure that is not the API's answer (a bug, an answer of the wrong shape); an ApiError is expected. */
export function logUnexpectedError(error: unknown): void {
  if (!(error instanceof ApiError)) console.error(error)
}
