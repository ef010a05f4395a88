import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path } from 'react-hook-form'
import type { z } from 'zod'
import { ApiError } from '@/lib/api-error'
import { applyServerFieldErrors } from '@/lib/form-errors'

const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong on our side. Try again in a moment.'

/**
 * react-hook-form with the zod resolver, for a form whose submit calls the API. The schema checks the fields
 * on submit (the first wrong one gets focus) and again as they change after that; a refusal from the API puts
 * its `detail` in `formError`, for a banner, and its 400 `errors: [{field, message}]` under the fields they
 * name. Either way the first wrong field in the form's order gets focus. Field names are the API's, and the
 * default values name every field of the form in the order they are shown.
 */
export function useApiForm<TValues extends FieldValues, TOutput>(
  schema: z.ZodType<TOutput, TValues>,
  defaultValues: DefaultValues<TValues>,
) {
  // Focus follows the order of the fields on screen, not the order they happened to register in.
  const form = useForm<TValues, unknown, TOutput>({ resolver: zodResolver(schema), defaultValues, shouldFocusError: false })
  const [formError, setFormError] = useState<string | null>(null)
  const fieldNames = Object.keys(defaultValues) as Path<TValues>[]

  function focusFirstInvalid(errors: FieldErrors<TValues>) {
    const first = fieldNames.find((name) => errors[name])
    if (first) form.setFocus(first)
  }

  /** The submit handler for `<form onSubmit>`: `action` runs with the parsed values, once they are valid. */
  function submitWith(action: (values: TOutput) => Promise<void>) {
    return form.handleSubmit(
      async (values) => {
        setFormError(null)
        try {
          await action(values)
        } catch (error) {
          if (!(error instanceof ApiError)) {
            // E.g. an answer that does not match its schema: a bug, not the user's fault.
            console.error(error)
            setFormError(UNEXPECTED_ERROR_MESSAGE)
            return
          }
          setFormError(error.detail)
          // The first one placed gets focus: in the form's order, that is the first on screen.
          applyServerFieldErrors(inFormOrder(error, fieldNames), form.setError, (field) =>
            (fieldNames as string[]).includes(field) ? field : null,
          )
        }
      },
      (errors) => {
        setFormError(null)
        focusFirstInvalid(errors)
      },
    )
  }

  return { ...form, formError, setFormError, submitWith }
}

/** The same refusal with its field errors in the order of the form's fields, so the first one on screen gets focus. */
function inFormOrder(error: ApiError, fieldNames: string[]): ApiError {
  const position = (field: string) => {
    const index = fieldNames.indexOf(field)
    return index === -1 ? fieldNames.length : index
  }
  const fieldErrors = [...error.fieldErrors].sort((a, b) => position(a.field) - position(b.field))
  return new ApiError(error.status, error.title, error.detail, fieldErrors)
}
