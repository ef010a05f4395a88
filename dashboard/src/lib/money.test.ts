import { describe, expect, it } from 'vitest'
import { formatCents, formatMoney, isDecimalAmount, sumCents, toCents } from '@/lib/money'

describe('toCents', () => {
  it('reads decimal strings as whole cents', () => {
    expect(toCents('12.34')).toBe(1234)
    expect(toCents('0.05')).toBe(5)
    expect(toCents('7')).toBe(700)
    expect(toCents('7.5')).toBe(750)
    expect(toCents('0')).toBe(0)
    expect(toCents('-3.21')).toBe(-321)
  })

  it('rounds finer amounts to the nearest cent, halves away from zero', () => {
    expect(toCents('0.004')).toBe(0)
    expect(toCents('0.005')).toBe(1)
    expect(toCents('1.2349')).toBe(123)
    expect(toCents('-0.125')).toBe(-13)
  })

  it('refuses anything that is not a decimal string', () => {
    for (const bad of ['', '12,34', '1e3', '$1.00', ' 1.00', '.5', 'NaN']) {
      expect(() => toCents(bad), bad).toThrow(RangeError)
      expect(isDecimalAmount(bad), bad).toBe(false)
    }
    expect(() => toCents('999999999999999999.00')).toThrow(/too large/)
  })
})

describe('sumCents', () => {
  it('adds exactly where floats would drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(sumCents(['0.10', '0.20'])).toBe(30)
    expect(sumCents(Array.from({ length: 1000 }, () => '0.01'))).toBe(1000)
    expect(sumCents(['12.34', '0.66', '-1.00'])).toBe(1200)
    expect(sumCents([])).toBe(0)
  })
})

describe('formatCents and formatMoney', () => {
  it('writes dollars with separators and two decimals', () => {
    expect(formatCents(1234)).toBe('$12.34')
    expect(formatCents(123_456_789)).toBe('$1,234,567.89')
    expect(formatCents(5)).toBe('$0.05')
    expect(formatCents(0)).toBe('$0.00')
    expect(formatCents(-100)).toBe('-$1.00')
    expect(formatMoney('1234.5')).toBe('$1,234.50')
    expect(formatMoney('12.34')).toBe('$12.34')
  })

  it('never shows a little spend as $0.00', () => {
    expect(formatMoney('0.0004')).toBe('<$0.01')
    expect(formatMoney('0.00')).toBe('$0.00')
  })

  it('names other currencies', () => {
    expect(formatCents(250, 'EUR')).toBe('€2.50')
    expect(formatCents(250, 'CHF')).toBe('CHF 2.50')
  })
})
