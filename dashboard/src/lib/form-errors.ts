import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form'
import type { ApiError, FieldError } from '@/lib/api-error'

/**
 * Puts the API's 400 `errors: [{field, message}]` under the form fields they name (the first one
 * gets focus) and answers those the form has no field for, for a banner. `fieldOf` translates the
 * API's field name into the form's path, or null when the form has no such field; `wording` may
 * reword a message for its place under the field.
 */
export function applyServerFieldErrors<TValues extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<TValues>,
  fieldOf: (apiField: string) => string | null,
  wording: (path: string, message: string) => string = (_path, message) => message,
): FieldError[] {
  const unplaced: FieldError[] = []
  const placed = new Set<string>()
  for (const fieldError of error.fieldErrors) {
    const path = fieldOf(fieldError.field)
    if (path === null) {
      unplaced.push(fieldError)
    } else if (!placed.has(path)) {
      const message = wording(path, fieldError.message)
      setError(path as FieldPath<TValues>, { type: 'server', message }, { shouldFocus: placed.size === 0 })
      placed.add(path)
    }
  }
  return unplaced
}
