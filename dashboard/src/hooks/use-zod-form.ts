import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import { ApiError } from '@/lib/api-error'

const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong on our side. Try again in a moment.'

type FieldErrors<TField extends string> = Partial<Record<TField, string>>

/**
 * Form state validated by a zod schema on submit. Client-side issues and the
 * server's `errors[].field` entries both land beside the field they name; the
 * server's `detail` goes to `formError` for a banner.
 */
export function useZodForm<TField extends string, TOutput>(
  schema: z.ZodType<TOutput, Record<TField, string>>,
  initialValues: Record<TField, string>,
) {
  const [values, setValues] = useState(initialValues)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<TField>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)

  const fieldNames = Object.keys(initialValues) as TField[]
  const isField = (name: string): name is TField => (fieldNames as string[]).includes(name)

  function setValue(field: TField, value: string) {
    setValues((current) => ({ ...current, [field]: value }))
    // The old message no longer describes what the user is typing.
    setFieldErrors((current) => ({ ...current, [field]: undefined }))
  }

  function showErrors(errors: FieldErrors<TField>, form: HTMLFormElement) {
    setFieldErrors(errors)
    const firstInvalid = fieldNames.find((name) => errors[name])
    if (firstInvalid) (form.elements.namedItem(firstInvalid) as HTMLElement | null)?.focus()
  }

  function handleSubmit(onValid: (data: TOutput) => Promise<void>) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      const form = event.currentTarget
      setFormError(null)

      const result = schema.safeParse(values)
      if (!result.success) {
        showErrors(firstIssuePerField(result.error.issues, isField), form)
        return
      }

      setFieldErrors({})
      setIsSubmitting(true)
      try {
        await onValid(result.data)
      } catch (error) {
        if (error instanceof ApiError) {
          setFormError(error.detail)
          showErrors(serverFieldErrors(error, isField), form)
        } else {
          // E.g. an answer that does not match its schema: a bug, not the user's fault.
          console.error(error)
          setFormError(UNEXPECTED_ERROR_MESSAGE)
        }
      } finally {
        setIsSubmitting(false)
      }
    }
  }

  return { values, fieldErrors, formError, isSubmitting, setValue, handleSubmit }
}

function firstIssuePerField<TField extends string>(
  issues: z.core.$ZodIssue[],
  isField: (name: string) => name is TField,
): FieldErrors<TField> {
  const errors: FieldErrors<TField> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '')
    if (isField(field) && !errors[field]) errors[field] = issue.message
  }
  return errors
}

function serverFieldErrors<TField extends string>(
  error: ApiError,
  isField: (name: string) => name is TField,
): FieldErrors<TField> {
  const errors: FieldErrors<TField> = {}
  for (const { field, message } of error.fieldErrors) {
    if (isField(field) && !errors[field]) errors[field] = message
  }
  return errors
}
