import type { InputHTMLAttributes } from 'react'
import { FormField, inputClasses } from '@/components/FormField'

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
}

/**
 * A controlled text input in a FormField, for state kept outside react-hook-form (e.g. a filter). A form on
 * react-hook-form puts its own input in a FormField and spreads `register(name)` onto it.
 */
export function TextField({ label, name, value, onChange, error, hint, type = 'text', ...rest }: TextFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error}>
      {(field) => (
        <input
          {...field}
          name={name}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClasses(!!error)}
          {...rest}
        />
      )}
    </FormField>
  )
}
