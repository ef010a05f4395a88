import type { AlertFilters } from '@/features/alerts/types/alert'

// Every query of the feature sits under 'alerts', so a change can invalidate exactly what it touched.
export const alertKeys = {
  all: ['alerts'] as const,
  rules: () => ['alerts', 'rules'] as const,
  history: () => ['alerts', 'history'] as const,
  historyPage: (filters: AlertFilters) => ['alerts', 'history', filters] as const,
  alert: (id: string) => ['alerts', 'history', 'alert', id] as const,
  unacknowledgedCount: () => ['alerts', 'unacknowledged-count'] as const,
  deliveries: (alertId: string) => ['alerts', 'deliveries', alertId] as const,
  watchedKeys: () => ['alerts', 'watched-keys'] as const,
}
