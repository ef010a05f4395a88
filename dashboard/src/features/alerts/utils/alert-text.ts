import type { StatusTone } from '@/components/StatusBadge'
import { formatDuration } from '@/lib/format'
import { formatMoney, isDecimalAmount } from '@/lib/money'

// Pure wording of alerts and deliveries for the history.

const SEVERITY_TEXT: Record<string, { label: string; tone: StatusTone }> = {
  INFO: { label: 'Info', tone: 'grey' },
  WARNING: { label: 'Warning', tone: 'amber' },
  CRITICAL: { label: 'Critical', tone: 'red' },
}

export function severityText(severity: string): { label: string; tone: StatusTone } {
  return SEVERITY_TEXT[severity] ?? { label: severity, tone: 'grey' }
}

const STATE_TEXT: Record<string, { label: string; tone: StatusTone }> = {
  RAISED: { label: 'Raised', tone: 'red' },
  RESOLVED: { label: 'Resolved', tone: 'green' },
}

export function stateText(state: string): { label: string; tone: StatusTone } {
  return STATE_TEXT[state] ?? { label: state, tone: 'grey' }
}

const DELIVERY_TEXT: Record<string, { label: string; tone: StatusTone }> = {
  PENDING: { label: 'Pending', tone: 'grey' },
  SENT: { label: 'Sent', tone: 'green' },
  FAILED: { label: 'Failed', tone: 'red' },
  SUPPRESSED: { label: 'Suppressed', tone: 'amber' },
}

export function deliveryStatusText(status: string): { label: string; tone: StatusTone } {
  return DELIVERY_TEXT[status] ?? { label: status, tone: 'grey' }
}

const ATTEMPT_RESULT_TEXT: Record<string, string> = {
  SENT: 'sent',
  TRANSIENT_ERROR: 'failed, tried again',
  PERMANENT_ERROR: 'failed for good',
}

export function attemptResultText(result: string): string {
  return ATTEMPT_RESULT_TEXT[result] ?? result.toLowerCase().replaceAll('_', ' ')
}

/** A decimal string without needless trailing zeros: "80.00" → "80", "92.50" → "92.5". */
function trimDecimal(value: string): string {
  if (!/^-?\d+\.\d+$/.test(value)) return value
  return value.replace(/\.?0+$/, '')
}

/** One measured value in its unit: "92 %", "$512.40", "12 m 30 s", "4.2×". */
export function measureText(value: string, unit: string | null): string {
  switch (unit) {
    case 'PERCENT':
      return `${trimDecimal(value)} %`
    case 'USD':
      return isDecimalAmount(value) ? formatMoney(value) : `$${value}`
    case 'SECONDS': {
      const seconds = Number(value)
      return Number.isFinite(seconds) ? formatDuration(seconds) : `${value} s`
    }
    case 'RATIO':
      return `${trimDecimal(value)}×`
    default:
      return trimDecimal(value)
  }
}

/** "92 % (threshold 80 %)"; either side may be missing. Null when the alert measured nothing. */
export function observedText(observed: string | null, threshold: string | null, unit: string | null): string | null {
  if (observed === null && threshold === null) return null
  if (threshold === null) return measureText(observed!, unit)
  if (observed === null) return `threshold ${measureText(threshold, unit)}`
  return `${measureText(observed, unit)} (threshold ${measureText(threshold, unit)})`
}
