import type { SelectHTMLAttributes } from 'react'
import { FormField, inputClasses } from '@/components/FormField'

export type SelectOption = { value: string; label: string }

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: string
  name: string
  value: string
  options: SelectOption[]
  onChange: (value: string) => void
  error?: string
  hint?: string
}

/**
 * A controlled native select in a FormField, for state kept outside react-hook-form (e.g. a filter). A form on
 * react-hook-form puts its own select in a FormField and spreads `register(name)` onto it.
 */
export function SelectField({ label, name, value, options, onChange, error, hint, ...rest }: SelectFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error}>
      {(field) => (
        <select
          {...field}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClasses(!!error)}
          {...rest}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  )
}
