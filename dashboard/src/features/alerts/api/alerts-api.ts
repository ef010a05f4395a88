import {
  acknowledgeAllSchema,
  alertPageSchema,
  alertSchema,
  deliveryListSchema,
  unacknowledgedCountSchema,
  type Alert,
  type AlertFilters,
  type AlertPage,
  type Delivery,
} from '@/features/alerts/types/alert'
import { apiRequest } from '@/lib/api-client'

/** The history, newest first; the query string always lists its parameters in the same order. */
export async function getAlerts(filters: AlertFilters): Promise<AlertPage> {
  const params = new URLSearchParams()
  if (filters.severity) params.set('severity', filters.severity)
  if (filters.state) params.set('state', filters.state)
  if (filters.acknowledged !== undefined) params.set('acknowledged', String(filters.acknowledged))
  params.set('page', String(filters.page))
  params.set('size', String(filters.size))
  return alertPageSchema.parse(await apiRequest(`/api/alerts?${params}`))
}

/** One alert of the history, wherever it stands in it: what an email's link opens. */
export async function getAlert(id: string): Promise<Alert> {
  return alertSchema.parse(await apiRequest(`/api/alerts/${encodeURIComponent(id)}`))
}

export async function acknowledgeAlert(id: string): Promise<Alert> {
  const path = `/api/alerts/${encodeURIComponent(id)}/acknowledge`
  return alertSchema.parse(await apiRequest(path, { method: 'POST' }))
}

/** How many alerts were acknowledged. */
export async function acknowledgeAllAlerts(): Promise<number> {
  return acknowledgeAllSchema.parse(await apiRequest('/api/alerts/acknowledge-all', { method: 'POST' })).acknowledged
}

/** What the bell shows. */
export async function getUnacknowledgedCount(): Promise<number> {
  return unacknowledgedCountSchema.parse(await apiRequest('/api/alerts/unacknowledged-count')).count
}

/** notification-service's record of sending one alert: one entry per channel, recipient and state, oldest first. */
export async function getDeliveries(alertId: string): Promise<Delivery[]> {
  const path = `/api/notifications/deliveries?alertId=${encodeURIComponent(alertId)}`
  return deliveryListSchema.parse(await apiRequest(path))
}
