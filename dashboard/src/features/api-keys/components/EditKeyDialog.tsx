import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { TextField } from '@/components/TextField'
import { PollingFields } from '@/features/api-keys/components/PollingFields'
import { useUpdateApiKey } from '@/features/api-keys/hooks/use-api-keys'
import type { ApiKey, UpdateApiKeyRequest } from '@/features/api-keys/types/api-key'
import { editKeyFormSchema } from '@/features/api-keys/types/forms'
import { useZodForm } from '@/hooks/use-zod-form'

type EditKeyDialogProps = {
  apiKey: ApiKey
  onSaved: (key: ApiKey) => void
  onClose: () => void
}

/** Rename a key or change how it is polled; the key itself cannot be changed, only replaced. */
export function EditKeyDialog({ apiKey, onSaved, onClose }: EditKeyDialogProps) {
  const updateKey = useUpdateApiKey()
  const form = useZodForm(editKeyFormSchema, {
    label: apiKey.label,
    probing: String(apiKey.probing),
    pollIntervalSeconds: String(apiKey.pollIntervalSeconds),
  })

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
      <form noValidate onSubmit={form.handleSubmit(submit)} className="space-y-5">
        {form.formError && <ErrorBanner message={form.formError} />}
        <TextField
          label="Label"
          name="label"
          maxLength={100}
          autoComplete="off"
          value={form.values.label}
          onChange={(value) => form.setValue('label', value)}
          error={form.fieldErrors.label}
        />
        <PollingFields
          probing={form.values.probing}
          pollIntervalSeconds={form.values.pollIntervalSeconds}
          onProbingChange={(value) => form.setValue('probing', value)}
          onIntervalChange={(value) => form.setValue('pollIntervalSeconds', value)}
          probingError={form.fieldErrors.probing}
          intervalError={form.fieldErrors.pollIntervalSeconds}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" isLoading={form.isSubmitting}>
            {form.isSubmitting ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
