import { useId, type ReactNode } from 'react'

/** What a control needs to be labelled by the field and described by its hint and error. */
export type FieldControlProps = {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': true | undefined
}

type FormFieldProps = {
  label: ReactNode
  /** Shown under the control, before any error. */
  hint?: ReactNode
  error?: string
  /** Beside the label, e.g. the current value of a slider. */
  aside?: ReactNode
  className?: string
  children: (control: FieldControlProps) => ReactNode
}

/**
 * The one wrapper for a form control: label above, hint and error under it, all wired by id so
 * a screen reader reads the error with the control. Works with any input, react-hook-form's
 * `register` included: spread the control props onto the element.
 */
export function FormField({ label, hint, error, aside, className, children }: FormFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined

  return (
    <div className={className}>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="block text-sm font-medium text-gray-900 dark:text-gray-100">
          {label}
        </label>
        {aside}
      </div>
      <div className="mt-1.5">{children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}</div>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  )
}

type FieldGroupProps = {
  legend: ReactNode
  hint?: ReactNode
  error?: string
  className?: string
  children: ReactNode
}

/** Radios or checkboxes that answer one question: a fieldset, with hint and error under it. */
export function FieldGroup({ legend, hint, error, className, children }: FieldGroupProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined

  return (
    <fieldset className={className} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-gray-900 dark:text-gray-100">{legend}</legend>
      <div className="mt-1.5">{children}</div>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </fieldset>
  )
}

type ToggleFieldProps = {
  label: ReactNode
  /** Shown under the label, before any error. */
  hint?: ReactNode
  error?: string
  className?: string
  children: (control: FieldControlProps) => ReactNode
}

/**
 * A checkbox or switch with its label beside it rather than above: the same wiring as FormField (the label
 * names the control, the hint and the error describe it), laid out for a control that is answered by a tick.
 */
export function ToggleField({ label, hint, error, className, children }: ToggleFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined

  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <div className="mt-0.5 flex shrink-0">
          {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
        </div>
        <div>
          <label htmlFor={id} className="text-sm font-medium text-gray-900 dark:text-gray-100">
            {label}
          </label>
          {hint && (
            <p id={hintId} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
              {hint}
            </p>
          )}
        </div>
      </div>
      <FieldMessages hintId={hintId} error={error} errorId={errorId} />
    </div>
  )
}

function FieldMessages({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId: string; error?: string; errorId: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="mt-1.5 text-xs text-gray-600 dark:text-gray-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </>
  )
}

/** The look of a text input, number input or select inside a FormField. */
export function inputClasses(hasError: boolean): string {
  return `block w-full rounded-md border bg-white px-3 py-2 text-sm text-gray-900 shadow-sm placeholder:text-gray-400 disabled:cursor-not-allowed disabled:bg-gray-100 disabled:text-gray-500 dark:bg-gray-900 dark:text-gray-100 dark:disabled:bg-gray-800 dark:disabled:text-gray-400 ${
    hasError ? 'border-red-500 dark:border-red-400' : 'border-gray-300 dark:border-gray-700'
  }`
}
