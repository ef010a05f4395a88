import { Link } from 'react-router'
import { AuthLayout } from '@/features/auth/components/AuthLayout'
import { RegisterForm } from '@/features/auth/components/RegisterForm'
import { usePageTitle } from '@/hooks/use-page-title'

export function RegisterPage() {
  usePageTitle('Create account')

  return (
    <AuthLayout
      title="Create your Quotah account"
      subtitle="A workspace for your team is created with it."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/login" className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400">
            Sign in
          </Link>
        </>
      }
    >
      <RegisterForm />
    </AuthLayout>
  )
}
