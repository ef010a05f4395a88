import { zodResolver } from '@hookform/resolvers/zod'
import { useState, type ReactNode } from 'react'
import { useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { ErrorBanner } from '@/components/ErrorBanner'
import { FieldGroup, FormField, inputClasses } from '@/components/FormField'
import { ChannelsEditor } from '@/features/alerts/components/ChannelsEditor'
import { useCreateAlertRule, useReplaceAlertRule } from '@/features/alerts/hooks/use-alert-rules'
import { useWatchedKeys } from '@/features/alerts/hooks/use-watched-keys'
import { KEY_PROBLEMS, RULE_KINDS, type AlertRule } from '@/features/alerts/types/alert-rule'
import {
  defaultRuleFormValues,
  fieldMessage,
  formFieldOf,
  ruleFormSchema,
  ruleToFormValues,
  toCreateRequest,
  toReplaceRequest,
  type RuleDraft,
  type RuleFormValues,
} from '@/features/alerts/types/rule-form'
import { KIND_DESCRIPTIONS, KIND_NAMES, kindName, PROBLEM_NAMES, WINDOW_KINDS } from '@/features/alerts/utils/rule-text'
import { ApiError, describeError } from '@/lib/api-error'
import { applyServerFieldErrors } from '@/lib/form-errors'
import { PROVIDERS, providerName } from '@/lib/providers'

type RuleFormDialogProps = {
  /** The rule to edit; without one the dialog creates a rule. */
  rule?: AlertRule
  /** The first channel's address for a new rule: the signed-in user's email. */
  defaultEmail?: string
  onSaved: (rule: AlertRule) => void
  onClose: () => void
}

export function RuleFormDialog({ rule, defaultEmail, onSaved, onClose }: RuleFormDialogProps) {
  const isEdit = rule !== undefined
  const createRule = useCreateAlertRule()
  const replaceRule = useReplaceAlertRule()
  const [formError, setFormError] = useState<string | null>(null)
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<RuleFormValues, unknown, RuleDraft>({
    resolver: zodResolver(ruleFormSchema),
    defaultValues: rule ? ruleToFormValues(rule) : defaultRuleFormValues(defaultEmail),
  })
  const kind = useWatch({ control, name: 'kind' })

  const submit = handleSubmit(async (draft) => {
    setFormError(null)
    try {
      const saved = rule
        ? await replaceRule.mutateAsync({ id: rule.id, request: toReplaceRequest(draft, rule.enabled) })
        : await createRule.mutateAsync(toCreateRequest(draft))
      onSaved(saved)
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError(describeError(error))
        return
      }
      // An edit shows no kind field: a complaint about the kind goes to the banner.
      const fieldOf = (apiField: string) => {
        const path = formFieldOf(apiField)
        return isEdit && path === 'kind' ? null : path
      }
      const unplaced = applyServerFieldErrors(error, setError, fieldOf, fieldMessage)
      const placedAll = error.fieldErrors.length > 0 && unplaced.length === 0
      setFormError(
        placedAll ? 'The rule was not saved: check the fields marked below.' : `The rule was not saved. ${error.detail}`,
      )
    }
  })

  return (
    <Dialog
      size="wide"
      title={isEdit ? `Edit “${rule.name}”` : 'New alert rule'}
      description="Choose what to watch, when to alert and who hears of it."
      onClose={onClose}
    >
      <form noValidate onSubmit={submit} className="space-y-6">
        {formError && <ErrorBanner message={formError} />}

        <FormField label="Name" error={errors.name?.message} hint="Shown in the list, in emails and in the history.">
          {(field) => (
            <input
              {...field}
              {...register('name')}
              maxLength={100}
              autoComplete="off"
              placeholder="Production tokens at 80 %"
              className={inputClasses(!!errors.name)}
            />
          )}
        </FormField>

        {isEdit ? (
          <div>
            <p className="text-sm font-medium text-gray-900 dark:text-gray-100">Kind</p>
            <p className="mt-1.5 text-sm text-gray-700 dark:text-gray-300">
              {kindName(rule.kind)}
              <span className="text-gray-500 dark:text-gray-400"> · the kind of a rule cannot be changed</span>
            </p>
          </div>
        ) : (
          <FieldGroup legend="Kind" error={errors.kind?.message}>
            <div className="grid gap-2 sm:grid-cols-2">
              {RULE_KINDS.map((option) => (
                <label
                  key={option}
                  className="flex cursor-pointer gap-3 rounded-md border border-gray-200 p-3 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 dark:border-gray-800 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-950/60"
                >
                  <input type="radio" value={option} {...register('kind')} className="mt-0.5 accent-indigo-600" />
                  <span>
                    <span className="block text-sm font-medium text-gray-900 dark:text-gray-100">{KIND_NAMES[option]}</span>
                    <span className="block text-xs text-gray-600 dark:text-gray-400">{KIND_DESCRIPTIONS[option]}</span>
                  </span>
                </label>
              ))}
            </div>
          </FieldGroup>
        )}

        <Section title="What to watch">
          <KeyPicker register={register} errors={errors} currentKeyId={rule?.connectionId ?? null} />
          {(kind === 'RATE_LIMIT' || kind === 'EXHAUSTION_FORECAST') && (
            <>
              <FormField label="Window" error={errors.windowKind?.message} hint="Optional: one kind of limit.">
                {(field) => (
                  <select {...field} {...register('windowKind')} className={inputClasses(!!errors.windowKind)}>
                    <option value="">Every window</option>
                    {windowOptions(rule?.windowKind ?? null).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label="Model (optional)" error={errors.model?.message} hint="As the provider names it; empty for every model.">
                {(field) => (
                  <input
                    {...field}
                    {...register('model')}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="Every model"
                    className={inputClasses(!!errors.model)}
                  />
                )}
              </FormField>
            </>
          )}
          {(kind === 'BUDGET' || kind === 'SPEND_SPIKE') && (
            <FormField label="Provider" error={errors.provider?.message} hint="Optional: one provider's spend.">
              {(field) => (
                <select {...field} {...register('provider')} className={inputClasses(!!errors.provider)}>
                  <option value="">Every provider</option>
                  {PROVIDERS.map((provider) => (
                    <option key={provider} value={provider}>
                      {providerName(provider)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
        </Section>

        <Section title="When to alert">
          {kind === 'RATE_LIMIT' && (
            <>
              <PercentSlider
                control={control}
                name="thresholdPercent"
                label="Threshold"
                hint="Warn when a window is used this much of its limit."
                register={register}
                errors={errors}
                onChange={(threshold) => {
                  // The critical level is never below the threshold: it follows it up.
                  if (Number(getValues('criticalPercent')) < threshold) setValue('criticalPercent', String(threshold))
                }}
              />
              <PercentSlider
                control={control}
                name="criticalPercent"
                label="Critical from"
                hint="From this much the alert is critical."
                register={register}
                errors={errors}
              />
            </>
          )}
          {kind === 'EXHAUSTION_FORECAST' && (
            <FormField
              label="Runs out within (minutes)"
              error={errors.forecastMinutes?.message}
              hint="Alert when a window will run out within this many minutes at its recent pace (1 to 1440)."
            >
              {(field) => (
                <input
                  {...field}
                  {...register('forecastMinutes')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={1440}
                  className={inputClasses(!!errors.forecastMinutes)}
                />
              )}
            </FormField>
          )}
          {kind === 'BUDGET' && (
            <>
              <FormField label="Budget (USD)" error={errors.budgetAmount?.message} hint="The amount the thresholds are shares of.">
                {(field) => (
                  <DollarInput>
                    <input
                      {...field}
                      {...register('budgetAmount')}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="500"
                      className={`${inputClasses(!!errors.budgetAmount)} pl-7`}
                    />
                  </DollarInput>
                )}
              </FormField>
              <FormField label="Period" error={errors.budgetPeriod?.message} hint="Calendar months or days, in UTC.">
                {(field) => (
                  <select {...field} {...register('budgetPeriod')} className={inputClasses(!!errors.budgetPeriod)}>
                    <option value="MONTH">Month</option>
                    <option value="DAY">Day</option>
                  </select>
                )}
              </FormField>
              <FormField
                label="Thresholds (%)"
                error={errors.budgetThresholds?.message}
                hint="Shares of the budget that each alert once a period, separated by commas: 50, 80, 100. From 1 to 1000 %."
                className="sm:col-span-2"
              >
                {(field) => (
                  <input
                    {...field}
                    {...register('budgetThresholds')}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="80, 100"
                    className={inputClasses(!!errors.budgetThresholds)}
                  />
                )}
              </FormField>
            </>
          )}
          {kind === 'SPEND_SPIKE' && (
            <>
              <FormField
                label="Spike factor"
                error={errors.spikeFactor?.message}
                hint="Alert when the last hour cost this many times the hourly average of the last 7 days (above 1)."
              >
                {(field) => (
                  <input
                    {...field}
                    {...register('spikeFactor')}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="3"
                    className={inputClasses(!!errors.spikeFactor)}
                  />
                )}
              </FormField>
              <FormField
                label="At least (USD)"
                error={errors.spikeFloor?.message}
                hint="…and at least this much, so a few cents never alert."
              >
                {(field) => (
                  <DollarInput>
                    <input
                      {...field}
                      {...register('spikeFloor')}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="1.00"
                      className={`${inputClasses(!!errors.spikeFloor)} pl-7`}
                    />
                  </DollarInput>
                )}
              </FormField>
            </>
          )}
          {kind === 'KEY_PROBLEM' && (
            <FieldGroup legend="Problems" error={errors.problems?.message} className="sm:col-span-2">
              <div className="space-y-2">
                {KEY_PROBLEMS.map((problem) => (
                  <label key={problem} className="flex items-center gap-2 text-sm text-gray-900 dark:text-gray-100">
                    <input type="checkbox" value={problem} {...register('problems')} className="size-4 accent-indigo-600" />
                    {PROBLEM_NAMES[problem]}
                  </label>
                ))}
              </div>
            </FieldGroup>
          )}
          <FormField
            label="Cooldown (minutes)"
            error={errors.cooldownMinutes?.message}
            hint="After an alert, wait this long before the same alert again (1 to 10080)."
          >
            {(field) => (
              <input
                {...field}
                {...register('cooldownMinutes')}
                type="number"
                inputMode="numeric"
                min={1}
                max={10_080}
                className={inputClasses(!!errors.cooldownMinutes)}
              />
            )}
          </FormField>
        </Section>

        <ChannelsEditor control={control} register={register} errors={errors} />

        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" isLoading={isSubmitting}>
            {isSubmitting ? 'Saving…' : isEdit ? 'Save changes' : 'Create rule'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="border-t border-gray-200 pt-5 dark:border-gray-800">
      <h3 className="text-sm font-semibold text-gray-900 dark:text-gray-50">{title}</h3>
      <div className="mt-3 grid gap-5 sm:grid-cols-2">{children}</div>
    </section>
  )
}

function DollarInput({ children }: { children: ReactNode }) {
  return (
    <div className="relative">
      <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-gray-500">
        $
      </span>
      {children}
    </div>
  )
}

type FormParts = { register: UseFormRegister<RuleFormValues>; errors: FieldErrors<RuleFormValues> }

/** "Every key" or one of the workspace's keys by label. */
function KeyPicker({ register, errors, currentKeyId }: FormParts & { currentKeyId: string | null }) {
  const keys = useWatchedKeys()
  const missing = currentKeyId !== null && keys.data !== undefined && !keys.data.some((key) => key.id === currentKeyId)
  return (
    <FormField
      label="Key"
      error={errors.connectionId?.message ?? (keys.isError ? 'Your keys could not be loaded; the rule can still watch every key.' : undefined)}
      hint="Every key of the workspace, or one."
    >
      {(field) => (
        <select {...field} {...register('connectionId')} className={inputClasses(!!errors.connectionId)}>
          <option value="">Every key</option>
          {keys.isPending && currentKeyId && <option value={currentKeyId}>Loading keys…</option>}
          {keys.data?.map((key) => (
            <option key={key.id} value={key.id}>
              {key.label} ({providerName(key.provider)})
            </option>
          ))}
          {missing && <option value={currentKeyId}>A key no longer watched</option>}
        </select>
      )}
    </FormField>
  )
}

function windowOptions(current: string | null) {
  if (!current || WINDOW_KINDS.some((option) => option.value === current)) return WINDOW_KINDS
  return [...WINDOW_KINDS, { value: current, label: current }]
}

type PercentSliderProps = FormParts & {
  control: Control<RuleFormValues, unknown, RuleDraft>
  name: 'thresholdPercent' | 'criticalPercent'
  label: string
  hint: string
  onChange?: (value: number) => void
}

/** A 1–100 % slider with its value written beside the label. */
function PercentSlider({ control, name, label, hint, register, errors, onChange }: PercentSliderProps) {
  const value = useWatch({ control, name })
  return (
    <FormField
      label={label}
      hint={hint}
      error={errors[name]?.message}
      aside={
        <span aria-hidden="true" className="text-sm font-semibold text-gray-900 tabular-nums dark:text-gray-100">
          {value} %
        </span>
      }
    >
      {(field) => (
        <input
          {...field}
          {...register(name, { onChange: (event) => onChange?.(Number(event.target.value)) })}
          type="range"
          min={1}
          max={100}
          step={1}
          aria-valuetext={`${value} %`}
          className="block h-9 w-full accent-indigo-600"
        />
      )}
    </FormField>
  )
}
