import { Link, useLocation } from 'react-router'
import { NoticeBanner } from '@/components/NoticeBanner'
import { AuthLayout } from '@/features/auth/components/AuthLayout'
import { LoginForm } from '@/features/auth/components/LoginForm'
import { readLoginRedirectState } from '@/features/auth/components/redirect-state'
import { usePageTitle } from '@/hooks/use-page-title'

export function LoginPage() {
  usePageTitle('Sign in')
  const { notice } = readLoginRedirectState(useLocation().state)

  return (
    <AuthLayout
      title="Sign in to Quotah"
      subtitle="See how close your API keys are to their limits."
      footer={
        <>
          New to Quotah?{' '}
          <Link to="/register" className="font-semibold text-indigo-600 hover:text-indigo-500 dark:text-indigo-400">
            Create an account
          </Link>
        </>
      }
    >
      {notice && (
        <div className="mb-5">
          <NoticeBanner message={notice} />
        </div>
      )}
      <LoginForm />
    </AuthLayout>
  )
}
