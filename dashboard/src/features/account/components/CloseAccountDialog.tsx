import { useMemo } from 'react'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { FormField, inputClasses } from '@/components/FormField'
import { useCloseAccount } from '@/features/account/hooks/use-close-account'
import type { Account } from '@/features/account/types/account'
import { closeAccountFormSchema, type CloseAccountRequest } from '@/features/account/types/close-account-form'
import { useApiForm } from '@/hooks/use-api-form'
import { ApiError } from '@/lib/api-error'

type CloseAccountDialogProps = {
  account: Account
  /** The account is gone: the app signs out and says so. */
  onClosed: () => void | Promise<void>
  onClose: () => void
}

/** Asks for the account's email typed again, and its password, before closing it for good. */
export function CloseAccountDialog({ account, onClosed, onClose }: CloseAccountDialogProps) {
  const closeAccount = useCloseAccount()
  const schema = useMemo(() => closeAccountFormSchema(account.email), [account.email])
  const {
    register,
    setError,
    submitWith,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm(schema, { email: '', password: '' })

  async function close(request: CloseAccountRequest) {
    try {
      await closeAccount.mutateAsync(request)
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        setError('password', { type: 'server', message: 'This is not the password of this account' }, { shouldFocus: true })
        return
      }
      throw error
    }
    await onClosed()
  }

  return (
    <Dialog
      role="alertdialog"
      title="Close your account?"
      description={
        <>
          This deletes the account <span className="font-medium text-gray-900 dark:text-gray-100">{account.email}</span>{' '}
          and all of its data: its API keys, rate-limit readings, usage and cost history, alert rules and alerts. It
          cannot be undone. The keys themselves keep working at their providers.
        </>
      }
      onClose={onClose}
    >
      <form noValidate onSubmit={submitWith(close)} className="space-y-5">
        {formError && <ErrorBanner message={`The account was not closed. ${formError}`} />}
        <FormField
          label="Type your email address to confirm"
          hint={<>Enter {account.email}</>}
          error={errors.email?.message}
        >
          {(field) => (
            <input
              {...field}
              {...register('email')}
              type="email"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              className={inputClasses(!!errors.email)}
            />
          )}
        </FormField>
        <FormField label="Password" hint="Quotah asks for it again before closing an account." error={errors.password?.message}>
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
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" isLoading={isSubmitting}>
            {isSubmitting ? 'Closing the account…' : 'Close account'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
