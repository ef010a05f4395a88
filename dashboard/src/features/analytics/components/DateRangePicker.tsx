import { useState, type FormEvent } from 'react'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import {
  DEFAULT_PRESET,
  MAX_RANGE_DAYS,
  RANGE_PRESETS,
  validateCustomRange,
  type CustomRangeErrors,
  type CustomRangeValues,
  type DateRange,
  type RangePreset,
  type RangeSelection,
} from '@/features/analytics/types/date-range'
import { formatDay } from '@/features/analytics/utils/days'

type DateRangePickerProps = {
  selection: RangeSelection
  /** Today's UTC date: the latest day a range may reach. */
  today: string
  onChoose: (choice: RangePreset | DateRange) => void
}

type Option = RangePreset | 'custom'
const OPTIONS: readonly { value: Option; label: string }[] = [
  ...(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => ({
    value: preset,
    label: `${RANGE_PRESETS[preset]} days`,
  })),
  { value: 'custom', label: 'Custom' },
]

/**
 * Presets as a radio group (arrow keys move between them), and for a custom range two native
 * date inputs checked on Apply, each message beside its field.
 */
export function DateRangePicker({ selection, today, onChoose }: DateRangePickerProps) {
  const [customOpen, setCustomOpen] = useState(selection.kind !== 'preset')
  const [draft, setDraft] = useState<CustomRangeValues>(draftOf(selection))
  const [errors, setErrors] = useState<CustomRangeErrors>(selection.kind === 'invalid' ? selection.errors : {})

  // The address can change without this form (a link, Back): follow it.
  const selectionKey = JSON.stringify(selection)
  const [shownKey, setShownKey] = useState(selectionKey)
  if (shownKey !== selectionKey) {
    setShownKey(selectionKey)
    setCustomOpen(selection.kind !== 'preset')
    setDraft(draftOf(selection))
    setErrors(selection.kind === 'invalid' ? selection.errors : {})
  }

  const checked: Option = customOpen || selection.kind !== 'preset' ? 'custom' : selection.preset

  function pick(option: Option) {
    if (option === 'custom') {
      setCustomOpen(true)
      setDraft(selection.range)
      setErrors({})
    } else {
      setCustomOpen(false)
      onChoose(option)
    }
  }

  function edit(field: keyof CustomRangeValues, value: string) {
    setDraft((current) => ({ ...current, [field]: value }))
    // The old message no longer describes what is being typed.
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const result = validateCustomRange(draft, today)
    if (result.errors) {
      setErrors(result.errors)
      const firstInvalid = result.errors.from ? 'from' : 'to'
      ;(event.currentTarget.elements.namedItem(firstInvalid) as HTMLElement | null)?.focus()
      return
    }
    setErrors({})
    onChoose(result.range)
  }

  return (
    <section
      aria-label="Date range"
      className="mb-6 rounded-lg border border-gray-200 bg-white p-4 shadow-sm dark:border-gray-800 dark:bg-gray-900"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <fieldset>
          <legend className="sr-only">Date range</legend>
          <div className="inline-flex rounded-md bg-gray-100 p-1 dark:bg-gray-800">
            {OPTIONS.map((option) => (
              <label
                key={option.value}
                className="relative cursor-pointer rounded px-3 py-1.5 text-sm font-medium text-gray-700 transition-colors hover:text-gray-900 has-checked:bg-white has-checked:text-indigo-700 has-checked:shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 dark:text-gray-300 dark:hover:text-gray-50 dark:has-checked:bg-gray-900 dark:has-checked:text-indigo-300"
              >
                <input
                  type="radio"
                  name="analytics-range"
                  value={option.value}
                  checked={checked === option.value}
                  onChange={() => pick(option.value)}
                  // Invisible but covering its label: clicks and taps land on the radio itself.
                  className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
        <p data-testid="range-text" className="text-sm text-gray-600 dark:text-gray-400">
          {selection.kind === 'invalid'
            ? `Showing the last ${RANGE_PRESETS[DEFAULT_PRESET]} days: the range in the address is not valid.`
            : `${formatDay(selection.range.from)} – ${formatDay(selection.range.to)}, UTC days`}
        </p>
      </div>

      {checked === 'custom' && (
        <form
          noValidate
          onSubmit={apply}
          aria-label="Custom range"
          className="mt-4 flex flex-col gap-3 border-t border-gray-200 pt-4 sm:flex-row sm:items-start dark:border-gray-800"
        >
          <div className="sm:w-48">
            <TextField
              label="From"
              name="from"
              type="date"
              max={today}
              value={draft.from}
              onChange={(value) => edit('from', value)}
              error={errors.from}
            />
          </div>
          <div className="sm:w-48">
            <TextField
              label="To"
              name="to"
              type="date"
              max={today}
              value={draft.to}
              onChange={(value) => edit('to', value)}
              error={errors.to}
            />
          </div>
          <Button type="submit" variant="secondary" className="sm:mt-7">
            Apply
          </Button>
          <p className="text-xs text-gray-600 sm:mt-9 dark:text-gray-400">
            Up to {MAX_RANGE_DAYS} days, ending today at the latest.
          </p>
        </form>
      )}
    </section>
  )
}

function draftOf(selection: RangeSelection): CustomRangeValues {
  return selection.kind === 'invalid' ? selection.draft : selection.range
}
