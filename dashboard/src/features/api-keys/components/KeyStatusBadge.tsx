import { StatusBadge, type StatusTone } from '@/components/StatusBadge'
import type { KnownKeyStatus } from '@/features/api-keys/types/api-key'

const STATUS_DISPLAY: Record<KnownKeyStatus, { text: string; tone: StatusTone }> = {
  PENDING: { text: 'Checking', tone: 'grey' },
  HEALTHY: { text: 'Healthy', tone: 'green' },
  INVALID: { text: 'Invalid', tone: 'red' },
  RATE_LIMITED: { text: 'Rate limited', tone: 'amber' },
  PROVIDER_ERROR: { text: 'Provider error', tone: 'red' },
  STALE: { text: 'Stale', tone: 'amber' },
}

/** The key's health in words and colour; `data-status` carries the API's value for tests. */
export function KeyStatusBadge({ status }: { status: string }) {
  const display = STATUS_DISPLAY[status as KnownKeyStatus] ?? { text: humanise(status), tone: 'grey' }
  return (
    <StatusBadge tone={display.tone} data-testid="key-status" data-status={status}>
      {display.text}
    </StatusBadge>
  )
}

function humanise(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
