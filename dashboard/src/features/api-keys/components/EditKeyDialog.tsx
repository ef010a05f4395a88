import { useWatch } from 'react-hook-form'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { FormField, inputClasses } from '@/components/FormField'
import { PollingFields } from '@/features/api-keys/components/PollingFields'
import { useUpdateApiKey } from '@/features/api-keys/hooks/use-api-keys'
import type { ApiKey, UpdateApiKeyRequest } from '@/features/api-keys/types/api-key'
import { editKeyFormSchema } from '@/features/api-keys/types/forms'
import { useApiForm } from '@/hooks/use-api-form'

type EditKeyDialogProps = {
  apiKey: ApiKey
  onSaved: (key: ApiKey) => void
  onClose: () => void
}

/** Rename a key or change how it is polled; the key itself cannot be changed, only replaced. */
export function EditKeyDialog({ apiKey, onSaved, onClose }: EditKeyDialogProps) {
  const updateKey = useUpdateApiKey()
  const {
    register,
    control,
    submitWith,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm(editKeyFormSchema, {
    label: apiKey.label,
    pollIntervalSeconds: String(apiKey.pollIntervalSeconds),
    probing: apiKey.probing,
  })
  const [pollIntervalSeconds, probing] = useWatch({ control, name: ['pollIntervalSeconds', 'probing'] })

  async function submit(changes: UpdateApiKeyRequest) {
    onSaved(await updateKey.mutateAsync({ id: apiKey.id, changes }))
  }

  return (
    <Dialog
      title={`Edit “${apiKey.label}”`}
      description={
        <>
          Key <span className="font-mono">{apiKey.maskedKey}</span>. To use a different key, add it and delete this one.
        </>
      }
      onClose={onClose}
    >
      <form noValidate onSubmit={submitWith(submit)} className="space-y-5">
        {formError && <ErrorBanner message={formError} />}
        <FormField label="Label" error={errors.label?.message}>
          {(field) => (
            <input
              {...field}
              {...register('label')}
              maxLength={100}
              autoComplete="off"
              className={inputClasses(!!errors.label)}
            />
          )}
        </FormField>
        <PollingFields
          intervalField={register('pollIntervalSeconds')}
          probingField={register('probing')}
          pollIntervalSeconds={pollIntervalSeconds}
          probing={probing}
          intervalError={errors.pollIntervalSeconds?.message}
          probingError={errors.probing?.message}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" isLoading={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
