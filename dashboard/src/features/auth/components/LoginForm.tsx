import { Button } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/TextField'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { loginFormSchema } from '@/features/auth/types/forms'
import { useZodForm } from '@/hooks/use-zod-form'

export function LoginForm() {
  const { login } = useAuth()
  const form = useZodForm(loginFormSchema, { email: '', password: '' })

  return (
    <form noValidate onSubmit={form.handleSubmit(login)} className="space-y-5">
      {form.formError && <ErrorBanner message={form.formError} />}
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
        autoComplete="current-password"
        value={form.values.password}
        onChange={(value) => form.setValue('password', value)}
        error={form.fieldErrors.password}
      />
      <Button type="submit" isLoading={form.isSubmitting} className="w-full">
        {form.isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
