import { useId } from 'react'
import { SelectField } from '@/components/SelectField'
import { pollIntervalLabel, POLL_INTERVALS, probingCostText } from '@/features/api-keys/utils/poll-interval'

type PollingFieldsProps = {
  probing: string
  pollIntervalSeconds: string
  onProbingChange: (value: string) => void
  onIntervalChange: (value: string) => void
  probingError?: string
  intervalError?: string
}

/** The poll interval and the probing switch, with what probing costs at that interval stated plainly. */
export function PollingFields({
  probing,
  pollIntervalSeconds,
  onProbingChange,
  onIntervalChange,
  probingError,
  intervalError,
}: PollingFieldsProps) {
  const id = useId()
  const isProbing = probing === 'true'
  const interval = Number(pollIntervalSeconds)
  // An interval set earlier through the API may not be one of the offered ones: keep it choosable.
  const intervals: number[] = POLL_INTERVALS.includes(interval as (typeof POLL_INTERVALS)[number])
    ? [...POLL_INTERVALS]
    : [...POLL_INTERVALS, interval].filter((seconds) => seconds > 0).sort((a, b) => a - b)

  return (
    <>
      <SelectField
        label="Poll interval"
        name="pollIntervalSeconds"
        value={pollIntervalSeconds}
        onChange={onIntervalChange}
        error={intervalError}
        options={intervals.map((seconds) => ({ value: String(seconds), label: pollIntervalLabel(seconds) }))}
        hint="How often Quotah reads this key's limits and usage."
      />
      <div>
        <div className="flex items-start gap-3">
          <input
            id={`${id}-probing`}
            name="probing"
            type="checkbox"
            role="switch"
            checked={isProbing}
            onChange={(event) => onProbingChange(String(event.target.checked))}
            aria-describedby={`${id}-probing-cost${probingError ? ` ${id}-probing-error` : ''}`}
            className="mt-0.5 size-4 shrink-0 rounded border-gray-300 accent-indigo-600 dark:border-gray-600"
          />
          <div>
            <label htmlFor={`${id}-probing`} className="text-sm font-medium text-gray-900 dark:text-gray-100">
              Probe for rate limits
            </label>
            <p id={`${id}-probing-cost`} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
              {Number.isFinite(interval) && interval > 0 ? probingCostText(interval) : null}{' '}
              {isProbing
                ? 'The gauges stay current even while your own apps are idle.'
                : 'Off: no probes are sent, so the gauges update only when Quotah learns of the limits another way.'}
            </p>
          </div>
        </div>
        {probingError && (
          <p id={`${id}-probing-error`} className="mt-1.5 text-sm text-red-600 dark:text-red-400">
            {probingError}
          </p>
        )}
      </div>
    </>
  )
}
