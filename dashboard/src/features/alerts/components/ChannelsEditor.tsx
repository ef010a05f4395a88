import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form'
import { Button } from '@/components/Button'
import { FieldGroup, FormField, inputClasses } from '@/components/FormField'
import { PlusIcon, TrashIcon } from '@/components/icons'
import { CHANNEL_TYPES, type ChannelType } from '@/features/alerts/types/alert-rule'
import { MAX_CHANNELS, type RuleDraft, type RuleFormValues } from '@/features/alerts/types/rule-form'
import { CHANNEL_NAMES } from '@/features/alerts/utils/rule-text'

const PLACEHOLDERS: Record<ChannelType, string> = {
  EMAIL: 'team@example.com',
  SLACK: 'https://hooks.slack.com/services/…',
  DISCORD: 'https://discord.com/api/webhooks/…',
  WEBHOOK: 'https://example.com/quotah-hook',
}

const TARGET_LABELS: Record<ChannelType, string> = {
  EMAIL: 'Email address',
  SLACK: 'Slack webhook URL',
  DISCORD: 'Discord webhook URL',
  WEBHOOK: 'Webhook URL',
}

type ChannelsEditorProps = {
  control: Control<RuleFormValues, unknown, RuleDraft>
  register: UseFormRegister<RuleFormValues>
  errors: FieldErrors<RuleFormValues>
}

/** Where the rule's alerts go: 1 to 10 rows of a channel type and its address. */
export function ChannelsEditor({ control, register, errors }: ChannelsEditorProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'channels' })
  const channels = useWatch({ control, name: 'channels' })
  const listError = errors.channels?.root?.message ?? errors.channels?.message

  return (
    <FieldGroup
      legend="Channels"
      hint="Who hears of an alert, and how. A webhook's signing secret is shown once, after saving."
      error={listError}
    >
      <ul className="space-y-3">
        {fields.map((field, index) => {
          const type = channels?.[index]?.type ?? field.type
          const rowErrors = errors.channels?.[index]
          return (
            <li
              key={field.id}
              role="group"
              aria-label={`Channel ${index + 1}`}
              data-testid="channel-row"
              className="grid grid-cols-[1fr_auto] gap-x-2 gap-y-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[10rem_1fr_auto] dark:border-gray-800"
            >
              <FormField label="Type" error={rowErrors?.type?.message} className="col-start-1 row-start-1">
                {(control) => (
                  <select {...control} {...register(`channels.${index}.type`)} className={inputClasses(!!rowErrors?.type)}>
                    {CHANNEL_TYPES.map((option) => (
                      <option key={option} value={option}>
                        {CHANNEL_NAMES[option]}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <div className="col-start-2 row-start-1 flex items-start justify-end pt-6.5 sm:col-start-3">
                <Button
                  variant="ghost"
                  onClick={() => remove(index)}
                  disabled={fields.length === 1}
                  aria-label={`Remove channel ${index + 1}`}
                  title={fields.length === 1 ? 'A rule needs at least one channel' : `Remove channel ${index + 1}`}
                >
                  <TrashIcon className="size-4" />
                </Button>
              </div>
              <FormField
                label={TARGET_LABELS[type] ?? 'Address'}
                error={rowErrors?.target?.message}
                className="col-span-2 col-start-1 row-start-2 sm:col-span-1 sm:col-start-2 sm:row-start-1"
              >
                {(control) => (
                  <input
                    {...control}
                    {...register(`channels.${index}.target`)}
                    type={type === 'EMAIL' ? 'email' : 'url'}
                    inputMode={type === 'EMAIL' ? 'email' : 'url'}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={PLACEHOLDERS[type]}
                    className={inputClasses(!!rowErrors?.target)}
                  />
                )}
              </FormField>
            </li>
          )
        })}
      </ul>
      <Button
        variant="secondary"
        className="mt-3"
        onClick={() => append({ type: 'EMAIL', target: '' })}
        disabled={fields.length >= MAX_CHANNELS}
      >
        <PlusIcon className="size-4" />
        Add channel
      </Button>
    </FieldGroup>
  )
}
