import type { ComponentPropsWithRef } from 'react'
import { Spinner } from '@/components/Spinner'

type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

const variantClasses: Record<ButtonVariant, string> = {
  primary: 'bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 disabled:bg-indigo-400',
  secondary:
    'border border-gray-300 bg-white text-gray-900 shadow-sm hover:bg-gray-50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800',
  ghost: 'text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800',
  danger: 'bg-red-600 text-white shadow-sm hover:bg-red-500 disabled:bg-red-400',
}

export const buttonBaseClasses =
  'inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed'

export function buttonClasses(variant: ButtonVariant = 'primary'): string {
  return `${buttonBaseClasses} ${variantClasses[variant]}`
}

type ButtonProps = ComponentPropsWithRef<'button'> & {
  variant?: ButtonVariant
  /** Shows a spinner and blocks double submits. */
  isLoading?: boolean
}

export function Button({
  variant = 'primary',
  isLoading = false,
  disabled,
  className = '',
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      className={`${buttonClasses(variant)} ${className}`}
      {...rest}
    >
      {isLoading && <Spinner className="size-4" />}
      {children}
    </button>
  )
}
