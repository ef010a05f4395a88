import { useId, useState } from 'react'
import { EyeIcon, EyeSlashIcon } from '@/components/icons'

type SecretFieldProps = {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
  placeholder?: string
}

/** A password-type input for a provider key, with a toggle to check what was pasted. */
export function SecretField({ label, name, value, onChange, error, hint, placeholder }: SecretFieldProps) {
  const id = useId()
  const [isVisible, setIsVisible] = useState(false)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-900 dark:text-gray-100">
        {label}
      </label>
      <div className="relative mt-1.5">
        <input
          id={id}
          name={name}
          type={isVisible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={placeholder}
          // Keys must not be remembered, suggested or "corrected" by the browser.
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-full rounded-md border bg-white py-2 pr-11 pl-3 font-mono text-sm text-gray-900 shadow-sm placeholder:font-sans placeholder:text-gray-400 dark:bg-gray-900 dark:text-gray-100 ${
            error ? 'border-red-500 dark:border-red-400' : 'border-gray-300 dark:border-gray-700'
          }`}
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
    </div>
  )
}
