import { z } from 'zod'
import { addDays, daysInclusive, isDay } from '@/features/analytics/utils/days'

/** A span of whole UTC days, both ends included, as the API takes it. */
export type DateRange = { from: string; to: string }

export const RANGE_PRESETS = { '7d': 7, '30d': 30 } as const
export type RangePreset = keyof typeof RANGE_PRESETS
export const DEFAULT_PRESET: RangePreset = '30d'

/** The longest range the API answers for. */
export const MAX_RANGE_DAYS = 400

/** The last `preset` days up to and including `today`. */
export function presetRange(preset: RangePreset, today: string): DateRange {
  return { from: addDays(today, 1 - RANGE_PRESETS[preset]), to: today }
}

export type CustomRangeValues = { from: string; to: string }
export type CustomRangeErrors = Partial<Record<keyof CustomRangeValues, string>>

function dayField(missing: string, end: 'start' | 'end', today: string) {
  return z
    .string()
    .min(1, missing)
    .refine(isDay, 'Enter a date as YYYY-MM-DD')
    .refine((day) => !isDay(day) || day <= today, `The ${end} date is in the future; choose today or earlier`)
}

/** A custom range as typed: both days real, in order, at most 400 days long, none in the future. */
export function customRangeSchema(today: string) {
  return z
    .object({
      from: dayField('Choose a start date', 'start', today),
      to: dayField('Choose an end date', 'end', today),
    })
    .check((ctx) => {
      const { from, to } = ctx.value
      // Field checks do not stop this one: only compare two real days.
      if (!isDay(from) || !isDay(to)) return
      if (from > to) {
        ctx.issues.push({
          code: 'custom',
          message: 'The end date must be on or after the start date',
          path: ['to'],
          input: to,
        })
      } else if (daysInclusive(from, to) > MAX_RANGE_DAYS) {
        ctx.issues.push({
          code: 'custom',
          message: `Choose at most ${MAX_RANGE_DAYS} days; this range has ${daysInclusive(from, to)}`,
          path: ['from'],
          input: from,
        })
      }
    })
}

/** Validates a custom range, with at most one message per field. */
export function validateCustomRange(
  values: CustomRangeValues,
  today: string,
): { range: DateRange; errors?: undefined } | { range?: undefined; errors: CustomRangeErrors } {
  const result = customRangeSchema(today).safeParse(values)
  if (result.success) return { range: result.data }
  const errors: CustomRangeErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0]
    if ((field === 'from' || field === 'to') && !errors[field]) errors[field] = issue.message
  }
  return { errors }
}

/** What the address asks for: a preset, a valid custom range, or a custom range that is not valid. */
export type RangeSelection =
  | { kind: 'preset'; preset: RangePreset; range: DateRange }
  | { kind: 'custom'; range: DateRange }
  /** The page shows the default range meanwhile; `draft` and `errors` go back into the form. */
  | { kind: 'invalid'; draft: CustomRangeValues; errors: CustomRangeErrors; range: DateRange }

function isPreset(value: string | null): value is RangePreset {
  return value !== null && Object.hasOwn(RANGE_PRESETS, value)
}

/** Reads `?range=7d|30d` or `?from=&to=`; no (or an unknown) choice means the default preset. */
export function readRangeSelection(params: URLSearchParams, today: string): RangeSelection {
  const from = params.get('from')
  const to = params.get('to')
  const preset = params.get('range')
  if (isPreset(preset)) return { kind: 'preset', preset, range: presetRange(preset, today) }
  if (from !== null || to !== null) {
    const draft = { from: from ?? '', to: to ?? '' }
    const result = validateCustomRange(draft, today)
    if (result.range) return { kind: 'custom', range: result.range }
    return { kind: 'invalid', draft, errors: result.errors, range: presetRange(DEFAULT_PRESET, today) }
  }
  return { kind: 'preset', preset: DEFAULT_PRESET, range: presetRange(DEFAULT_PRESET, today) }
}

/** The query string that keeps a choice across reloads and shared links. */
export function rangeSearchParams(choice: RangePreset | DateRange): Record<string, string> {
  return typeof choice === 'string' ? { range: choice } : { from: choice.from, to: choice.to }
}
