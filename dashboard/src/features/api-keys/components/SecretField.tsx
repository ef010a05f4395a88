import { useState } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { FormField, inputClasses } from '@/components/FormField'
import { EyeIcon, EyeSlashIcon } from '@/components/icons'

type SecretFieldProps = {
  label: string
  /** What react-hook-form's `register(name)` gives for the field. */
  registration: UseFormRegisterReturn
  error?: string
  hint?: string
  placeholder?: string
}

/** A password-type input for a provider key, with a toggle to check what was pasted. */
export function SecretField({ label, registration, error, hint, placeholder }: SecretFieldProps) {
  const [isVisible, setIsVisible] = useState(false)

  return (
    <FormField label={label} hint={hint} error={error}>
      {(field) => (
        <div className="relative">
          <input
            {...field}
            {...registration}
            type={isVisible ? 'text' : 'password'}
            placeholder={placeholder}
            // Keys must not be remembered, suggested or "corrected" by the browser.
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            className={`${inputClasses(!!error)} pr-11 font-mono placeholder:font-sans`}
          />
          <button
            type="button"
            onClick={() => setIsVisible((visible) => !visible)}
            aria-pressed={isVisible}
            aria-label={`Show ${label}`}
            title={isVisible ? `Hide ${label}` : `Show ${label}`}
            className="absolute inset-y-0 right-0 flex items-center rounded-r-md px-3 text-gray-500 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100"
          >
            {isVisible ? <EyeSlashIcon className="size-5" /> : <EyeIcon className="size-5" />}
          </button>
        </div>
      )}
    </FormField>
  )
}
