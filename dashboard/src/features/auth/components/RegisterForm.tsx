import { useNavigate } from 'react-router'
import { Button } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/TextField'
import type { LoginRedirectState } from '@/features/auth/components/redirect-state'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { registerFormSchema, type RegisterInput } from '@/features/auth/types/forms'
import { useZodForm } from '@/hooks/use-zod-form'

export function RegisterForm() {
  const { register, login } = useAuth()
  const navigate = useNavigate()
  const form = useZodForm(registerFormSchema, { displayName: '', email: '', password: '' })

  async function createAccountAndSignIn(input: RegisterInput) {
    await register(input)
    try {
      await login({ email: input.email, password: input.password })
    } catch {
      // The account exists now; say so rather than show an error for the sign-in step.
      const redirect: LoginRedirectState = { notice: 'Your account is ready. Sign in to continue.' }
      navigate('/login', { state: redirect })
    }
  }

  return (
    <form noValidate onSubmit={form.handleSubmit(createAccountAndSignIn)} className="space-y-5">
      {form.formError && <ErrorBanner message={form.formError} />}
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="name"
        maxLength={100}
        value={form.values.displayName}
        onChange={(value) => form.setValue('displayName', value)}
        error={form.fieldErrors.displayName}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={form.values.email}
        onChange={(value) => form.setValue('email', value)}
        error={form.fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters, and not your email address."
        value={form.values.password}
        onChange={(value) => form.setValue('password', value)}
        error={form.fieldErrors.password}
      />
      <Button type="submit" isLoading={form.isSubmitting} className="w-full">
        {form.isSubmitting ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  )
}
