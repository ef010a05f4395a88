import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { SelectField } from '@/components/SelectField'
import { TextField } from '@/components/TextField'
import { PollingFields } from '@/features/api-keys/components/PollingFields'
import { SecretField } from '@/features/api-keys/components/SecretField'
import { useAddApiKey } from '@/features/api-keys/hooks/use-api-keys'
import type { ApiKey, CreateApiKeyRequest } from '@/features/api-keys/types/api-key'
import { addKeyFormSchema, KEY_PREFIXES, type AddKeyFormValues } from '@/features/api-keys/types/forms'
import { DEFAULT_POLL_INTERVAL } from '@/features/api-keys/utils/poll-interval'
import { useZodForm } from '@/hooks/use-zod-form'
import { PROVIDERS, providerName } from '@/lib/providers'

const initialValues: AddKeyFormValues = {
  provider: 'ANTHROPIC',
  label: '',
  key: '',
  adminKey: '',
  probing: 'true',
  pollIntervalSeconds: String(DEFAULT_POLL_INTERVAL),
}

type AddKeyDialogProps = {
  onAdded: (key: ApiKey) => void
  onClose: () => void
}

export function AddKeyDialog({ onAdded, onClose }: AddKeyDialogProps) {
  const addKey = useAddApiKey()
  const form = useZodForm(addKeyFormSchema, initialValues)
  const provider = form.values.provider === 'OPENAI' ? 'OPENAI' : 'ANTHROPIC'
  const prefixes = KEY_PREFIXES[provider]

  async function submit(request: CreateApiKeyRequest) {
    // A refusal (a 400 with field errors, a 409) is thrown back to the form, which shows it.
    onAdded(await addKey.mutateAsync(request))
  }

  return (
    <Dialog
      title="Add an API key"
      description="Quotah checks the key with the provider before saving it, stores it encrypted and never shows it again."
      onClose={onClose}
    >
      <form noValidate onSubmit={form.handleSubmit(submit)} className="space-y-5">
        {form.formError && <ErrorBanner message={form.formError} />}
        <SelectField
          label="Provider"
          name="provider"
          value={form.values.provider}
          onChange={(value) => form.setValue('provider', value)}
          error={form.fieldErrors.provider}
          options={PROVIDERS.map((code) => ({ value: code, label: providerName(code) }))}
        />
        <TextField
          label="Label"
          name="label"
          maxLength={100}
          autoComplete="off"
          placeholder="Production"
          value={form.values.label}
          onChange={(value) => form.setValue('label', value)}
          error={form.fieldErrors.label}
          hint="A name your team recognises, shown on the dashboard."
        />
        <SecretField
          label="API key"
          name="key"
          placeholder={`${prefixes.key[0]}…`}
          value={form.values.key}
          onChange={(value) => form.setValue('key', value)}
          error={form.fieldErrors.key}
        />
        <SecretField
          label="Admin key (optional)"
          name="adminKey"
          placeholder={`${prefixes.adminKey}…`}
          value={form.values.adminKey}
          onChange={(value) => form.setValue('adminKey', value)}
          error={form.fieldErrors.adminKey}
          hint="With an organisation Admin key Quotah also reads usage and cost reports."
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
            {form.isSubmitting ? 'Checking the key…' : 'Add key'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
