import { describe, expect, it } from 'vitest'
import {
  presetRange,
  rangeSearchParams,
  readRangeSelection,
  validateCustomRange,
} from '@/features/analytics/types/date-range'

const today = '2026-03-15'

describe('presetRange', () => {
  it('counts today as the last of the days', () => {
    expect(presetRange('7d', today)).toEqual({ from: '2026-03-09', to: today })
    expect(presetRange('30d', today)).toEqual({ from: '2026-02-14', to: today })
  })

  it('crosses month and leap-year ends', () => {
    expect(presetRange('7d', '2028-03-02')).toEqual({ from: '2028-02-25', to: '2028-03-02' })
    expect(presetRange('30d', '2026-01-10')).toEqual({ from: '2025-12-12', to: '2026-01-10' })
  })
})

describe('validateCustomRange', () => {
  it('accepts a range of up to 400 days ending today at the latest', () => {
    expect(validateCustomRange({ from: '2026-03-15', to: today }, today)).toEqual({ range: { from: '2026-03-15', to: today } })
    expect(validateCustomRange({ from: '2025-02-09', to: today }, today).range).toBeDefined()
  })

  it('refuses a range of 401 days', () => {
    expect(validateCustomRange({ from: '2025-02-08', to: today }, today).errors).toEqual({
      from: 'Choose at most 400 days; this range has 401',
    })
  })

  it('puts each problem on its field, one message each', () => {
    expect(validateCustomRange({ from: '', to: '' }, today).errors).toEqual({
      from: 'Choose a start date',
      to: 'Choose an end date',
    })
    expect(validateCustomRange({ from: '2026-02-30', to: '2026-03-16' }, today).errors).toEqual({
      from: 'Enter a date as YYYY-MM-DD',
      to: 'The end date is in the future; choose today or earlier',
    })
    expect(validateCustomRange({ from: '2026-03-10', to: '2026-03-01' }, today).errors).toEqual({
      to: 'The end date must be on or after the start date',
    })
  })
})

describe('readRangeSelection', () => {
  const read = (query: string) => readRangeSelection(new URLSearchParams(query), today)

  it('defaults to the last 30 days', () => {
    expect(read('')).toEqual({ kind: 'preset', preset: '30d', range: { from: '2026-02-14', to: today } })
    expect(read('range=1y')).toMatchObject({ kind: 'preset', preset: '30d' })
  })

  it('reads a preset or a custom range, and a round trip keeps it', () => {
    expect(read('range=7d')).toMatchObject({ kind: 'preset', preset: '7d' })
    expect(read('from=2026-01-01&to=2026-01-31')).toEqual({
      kind: 'custom',
      range: { from: '2026-01-01', to: '2026-01-31' },
    })
    const query = new URLSearchParams(rangeSearchParams({ from: '2026-01-01', to: '2026-01-31' })).toString()
    expect(read(query)).toMatchObject({ kind: 'custom', range: { from: '2026-01-01', to: '2026-01-31' } })
    expect(rangeSearchParams('7d')).toEqual({ range: '7d' })
  })

  it('keeps a range that is not valid as a draft with its messages, showing the default meanwhile', () => {
    expect(read('from=2026-03-01')).toEqual({
      kind: 'invalid',
      draft: { from: '2026-03-01', to: '' },
      errors: { to: 'Choose an end date' },
      range: { from: '2026-02-14', to: today },
    })
  })
})
