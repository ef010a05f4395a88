import { describe, expect, it } from 'vitest'
import { measureText, observedText, severityText } from '@/features/alerts/utils/alert-text'

describe('alert wording', () => {
  it('writes a measure in its unit', () => {
    expect(measureText('86.50', 'PERCENT')).toBe('86.5 %')
    expect(measureText('80', 'PERCENT')).toBe('80 %')
    expect(measureText('512.4', 'USD')).toBe('$512.40')
    expect(measureText('750', 'SECONDS')).toBe('12 m 30 s')
    expect(measureText('4.20', 'RATIO')).toBe('4.2×')
    expect(measureText('3', null)).toBe('3')
  })

  it('puts the observed value against its threshold', () => {
    expect(observedText('512.40', '500.00', 'USD')).toBe('$512.40 (threshold $500.00)')
    expect(observedText(null, '80', 'PERCENT')).toBe('threshold 80 %')
    expect(observedText('92', null, 'PERCENT')).toBe('92 %')
    expect(observedText(null, null, null)).toBeNull()
  })

  it('names a severity it does not know rather than hiding it', () => {
    expect(severityText('CRITICAL')).toEqual({ label: 'Critical', tone: 'red' })
    expect(severityText('EMERGENCY')).toEqual({ label: 'EMERGENCY', tone: 'grey' })
  })
})
