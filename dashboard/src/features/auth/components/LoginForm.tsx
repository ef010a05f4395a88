import { Button } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { FormField, inputClasses } from '@/components/FormField'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { loginFormSchema } from '@/features/auth/types/forms'
import { useApiForm } from '@/hooks/use-api-form'

export function LoginForm() {
  const { login } = useAuth()
  const {
    register,
    submitWith,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm(loginFormSchema, { email: '', password: '' })

  return (
    <form noValidate onSubmit={submitWith(login)} className="space-y-5">
      {formError && <ErrorBanner message={formError} />}
      <FormField label="Email" error={errors.email?.message}>
        {(field) => (
          <input {...field} {...register('email')} type="email" autoComplete="email" className={inputClasses(!!errors.email)} />
        )}
      </FormField>
      <FormField label="Password" error={errors.password?.message}>
        {(field) => (
          <input
            {...field}
            {...register('password')}
            type="password"
            autoComplete="current-password"
            className={inputClasses(!!errors.password)}
          />
        )}
      </FormField>
      <Button type="submit" isLoading={isSubmitting} className="w-full">
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
