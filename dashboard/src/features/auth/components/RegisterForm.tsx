import { useNavigate } from 'react-router'
import { Button } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { FormField, inputClasses } from '@/components/FormField'
import type { LoginRedirectState } from '@/features/auth/components/redirect-state'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { registerFormSchema, type RegisterInput } from '@/features/auth/types/forms'
import { useApiForm } from '@/hooks/use-api-form'

export function RegisterForm() {
  const { register: createAccount, login } = useAuth()
  const navigate = useNavigate()
  const {
    register,
    submitWith,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm(registerFormSchema, { displayName: '', email: '', password: '' })

  async function createAccountAndSignIn(input: RegisterInput) {
    await createAccount(input)
    try {
      await login({ email: input.email, password: input.password })
    } catch {
      // The account exists now; say so rather than show an error for the sign-in step.
      const redirect: LoginRedirectState = { notice: 'Your account is ready. Sign in to continue.' }
      navigate('/login', { state: redirect })
    }
  }

  return (
    <form noValidate onSubmit={submitWith(createAccountAndSignIn)} className="space-y-5">
      {formError && <ErrorBanner message={formError} />}
      <FormField label="Display name" error={errors.displayName?.message}>
        {(field) => (
          <input
            {...field}
            {...register('displayName')}
            autoComplete="name"
            maxLength={100}
            className={inputClasses(!!errors.displayName)}
          />
        )}
      </FormField>
      <FormField label="Email" error={errors.email?.message}>
        {(field) => (
          <input {...field} {...register('email')} type="email" autoComplete="email" className={inputClasses(!!errors.email)} />
        )}
      </FormField>
      <FormField label="Password" hint="At least 12 characters, and not your email address." error={errors.password?.message}>
        {(field) => (
          <input
            {...field}
            {...register('password')}
            type="password"
            autoComplete="new-password"
            className={inputClasses(!!errors.password)}
          />
        )}
      </FormField>
      <Button type="submit" isLoading={isSubmitting} className="w-full">
        {isSubmitting ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  )
}
