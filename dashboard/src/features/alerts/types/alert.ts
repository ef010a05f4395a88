import { z } from 'zod'

// Alerts and their deliveries as alert-service and notification-service answer them
// (docs/alerts-api.md, "History" and "Deliveries"). Observed values and thresholds are decimal
// strings in the alert's `unit`.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null)
const decimal = z.union([z.string(), z.number().transform(String)])

export const SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const
export type Severity = (typeof SEVERITIES)[number]

export const ALERT_STATES = ['RAISED', 'RESOLVED'] as const
export type AlertState = (typeof ALERT_STATES)[number]

export const alertSchema = z.object({
  id: z.string(),
  ruleId: nullable(z.string()),
  ruleName: nullable(z.string()),
  kind: z.string(),
  severity: z.string(),
  state: z.string(),
  connectionId: nullable(z.string()),
  provider: nullable(z.string()),
  connectionLabel: nullable(z.string()),
  model: nullable(z.string()),
  window: nullable(z.string()),
  observed: nullable(decimal),
  threshold: nullable(decimal),
  /** PERCENT, USD, SECONDS or RATIO. */
  unit: nullable(z.string()),
  resetAt: nullable(z.string()),
  forecastAt: nullable(z.string()),
  reason: nullable(z.string()),
  summary: z.string(),
  raisedAt: z.string(),
  resolvedAt: nullable(z.string()),
  acknowledgedAt: nullable(z.string()),
})
export type Alert = z.output<typeof alertSchema>

export const alertPageSchema = z.object({
  items: z.array(alertSchema),
  page: z.number(),
  size: z.number(),
  totalItems: z.number(),
  totalPages: z.number(),
})
export type AlertPage = z.output<typeof alertPageSchema>

export const unacknowledgedCountSchema = z.object({ count: z.number() })

export const acknowledgeAllSchema = z.object({ acknowledged: z.number() })

/** The history's filters; an absent one means "all". `page` counts from 0, as the API does. */
export type AlertFilters = {
  severity?: Severity
  state?: AlertState
  acknowledged?: boolean
  page: number
  size: number
}

export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SUPPRESSED'] as const

const deliveryAttemptSchema = z.object({
  /** 1, 2, ... */
  attempt: z.number(),
  at: z.string(),
  /** SENT, TRANSIENT_ERROR or PERMANENT_ERROR. */
  result: z.string(),
  error: nullable(z.string()),
})
export type DeliveryAttempt = z.output<typeof deliveryAttemptSchema>

export const deliverySchema = z.object({
  id: z.string(),
  alertId: z.string(),
  /** Whether this message told of the alert being raised or resolved. */
  state: z.string(),
  channel: z.string(),
  /** An email address, or a webhook URL shown as its host and "…". */
  recipient: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: nullable(z.string()),
  createdAt: z.string(),
  sentAt: nullable(z.string()),
  nextAttemptAt: nullable(z.string()),
  /** One entry per attempt; `attempts` counts them. */
  attemptLog: z
    .array(deliveryAttemptSchema)
    .nullish()
    .transform((log) => log ?? []),
})
export type Delivery = z.output<typeof deliverySchema>

export const deliveryListSchema = z.array(deliverySchema)
