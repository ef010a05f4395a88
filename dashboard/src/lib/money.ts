// Money arrives from the API as decimal strings ("12.34"). Adding them as floats drifts
// (0.1 + 0.2), so amounts that must be added are turned into integer cents first.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' }

/** Whether `amount` is a plain decimal string like "12.34", "-0.5" or "7". */
export function isDecimalAmount(amount: string): boolean {
  return DECIMAL.test(amount)
}

/**
 * "12.34" → 1234. Exact for two decimals or fewer; a finer amount ("0.0042") is rounded to the
 * nearest cent, halves away from zero. Throws on anything that is not a decimal string.
 */
export function toCents(amount: string): number {
  const match = DECIMAL.exec(amount)
  if (!match) throw new RangeError(`Not a decimal amount: "${amount}"`)
  const [, minus, whole, fraction = ''] = match
  let cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2))
  if (fraction.length > 2 && fraction[2] >= '5') cents += 1
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount too large: "${amount}"`)
  return minus && cents !== 0 ? -cents : cents
}

/** The exact sum of decimal strings, in cents. */
export function sumCents(amounts: readonly string[]): number {
  return amounts.reduce((sum, amount) => sum + toCents(amount), 0)
}

/** 123456 → "$1,234.56"; negative amounts (credits) as "-$1.00". Built from integers, so exact. */
export function formatCents(cents: number, currency = 'USD'): string {
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(Math.round(cents))
  const whole = Math.floor(absolute / 100)
  const fraction = String(absolute % 100).padStart(2, '0')
  const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency} `
  return `${sign}${symbol}${integerFormat.format(whole)}.${fraction}`
}

/**
 * A decimal string as money: "1234.5" → "$1,234.50". A positive amount too small to show in
 * cents reads "<$0.01", never "$0.00", so a little spend is not mistaken for none.
 */
export function formatMoney(amount: string, currency = 'USD'): string {
  const cents = toCents(amount)
  if (cents === 0 && !amount.startsWith('-') && /[1-9]/.test(amount)) return `<${formatCents(1, currency)}`
  return formatCents(cents, currency)
}
