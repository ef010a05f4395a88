import { useWatch } from 'react-hook-form'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { FormField, inputClasses } from '@/components/FormField'
import { PollingFields } from '@/features/api-keys/components/PollingFields'
import { SecretField } from '@/features/api-keys/components/SecretField'
import { useAddApiKey } from '@/features/api-keys/hooks/use-api-keys'
import type { ApiKey, CreateApiKeyRequest } from '@/features/api-keys/types/api-key'
import { addKeyFormSchema, KEY_PREFIXES, type AddKeyFormValues } from '@/features/api-keys/types/forms'
import { DEFAULT_POLL_INTERVAL } from '@/features/api-keys/utils/poll-interval'
import { useApiForm } from '@/hooks/use-api-form'
import { PROVIDERS, providerName } from '@/lib/providers'

// In the order the fields are shown: the first wrong one gets focus.
const defaultValues: AddKeyFormValues = {
  provider: 'ANTHROPIC',
  label: '',
  key: '',
  adminKey: '',
  pollIntervalSeconds: String(DEFAULT_POLL_INTERVAL),
  probing: true,
}

type AddKeyDialogProps = {
  onAdded: (key: ApiKey) => void
  onClose: () => void
}

export function AddKeyDialog({ onAdded, onClose }: AddKeyDialogProps) {
  const addKey = useAddApiKey()
  const {
    register,
    control,
    submitWith,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm(addKeyFormSchema, defaultValues)
  const [chosenProvider, pollIntervalSeconds, probing] = useWatch({
    control,
    name: ['provider', 'pollIntervalSeconds', 'probing'],
  })
  // The placeholders show how the chosen provider's keys begin; the schema checks the same formats.
  const prefixes = KEY_PREFIXES[chosenProvider === 'OPENAI' ? 'OPENAI' : 'ANTHROPIC']

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
      <form noValidate onSubmit={submitWith(submit)} className="space-y-5">
        {formError && <ErrorBanner message={formError} />}
        <FormField label="Provider" error={errors.provider?.message}>
          {(field) => (
            <select {...field} {...register('provider')} className={inputClasses(!!errors.provider)}>
              {PROVIDERS.map((code) => (
                <option key={code} value={code}>
                  {providerName(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Label" hint="A name your team recognises, shown on the dashboard." error={errors.label?.message}>
          {(field) => (
            <input
              {...field}
              {...register('label')}
              maxLength={100}
              autoComplete="off"
              placeholder="Production"
              className={inputClasses(!!errors.label)}
            />
          )}
        </FormField>
        <SecretField
          label="API key"
          registration={register('key')}
          placeholder={`${prefixes.key[0]}…`}
          error={errors.key?.message}
        />
        <SecretField
          label="Admin key (optional)"
          registration={register('adminKey')}
          placeholder={`${prefixes.adminKey}…`}
          error={errors.adminKey?.message}
          hint="With an organisation Admin key Quotah also reads usage and cost reports."
        />
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
            {isSubmitting ? 'Checking the key…' : 'Add key'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
