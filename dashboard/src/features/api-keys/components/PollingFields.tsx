import type { UseFormRegisterReturn } from 'react-hook-form'
import { FormField, inputClasses, ToggleField } from '@/components/FormField'
import { pollIntervalLabel, POLL_INTERVALS, probingCostText } from '@/features/api-keys/utils/poll-interval'

type PollingFieldsProps = {
  /** `register('pollIntervalSeconds')` and `register('probing')` of the form. */
  intervalField: UseFormRegisterReturn
  probingField: UseFormRegisterReturn
  /** The current values, watched by the form, for the cost statement. */
  pollIntervalSeconds: string
  probing: boolean
  intervalError?: string
  probingError?: string
}

/** The poll interval and the probing switch, with what probing costs at that interval stated plainly. */
export function PollingFields({
  intervalField,
  probingField,
  pollIntervalSeconds,
  probing,
  intervalError,
  probingError,
}: PollingFieldsProps) {
  const interval = Number(pollIntervalSeconds)
  // An interval set earlier through the API may not be one of the offered ones: keep it choosable.
  const intervals: number[] = POLL_INTERVALS.includes(interval as (typeof POLL_INTERVALS)[number])
    ? [...POLL_INTERVALS]
    : [...POLL_INTERVALS, interval].filter((seconds) => seconds > 0).sort((a, b) => a - b)

  return (
    <>
      <FormField label="Poll interval" hint="How often Quotah reads this key's limits and usage." error={intervalError}>
        {(field) => (
          <select {...field} {...intervalField} className={inputClasses(!!intervalError)}>
            {intervals.map((seconds) => (
              <option key={seconds} value={String(seconds)}>
                {pollIntervalLabel(seconds)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ToggleField
        label="Probe for rate limits"
        error={probingError}
        hint={
          <>
            {Number.isFinite(interval) && interval > 0 ? probingCostText(interval) : null}{' '}
            {probing
              ? 'The gauges stay current even while your own apps are idle.'
              : 'Off: no probes are sent, so the gauges update only when Quotah learns of the limits another way.'}
          </>
        }
      >
        {(field) => (
          <input
            {...field}
            {...probingField}
            type="checkbox"
            role="switch"
            className="size-4 rounded border-gray-300 accent-indigo-600 dark:border-gray-600"
          />
        )}
      </ToggleField>
    </>
  )
}
