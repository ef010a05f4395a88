import {
  alertRuleListSchema,
  alertRuleSchema,
  testSendSchema,
  type AlertRule,
  type CreateRuleRequest,
  type ReplaceRuleRequest,
  type TestSend,
  type UpdateRuleRequest,
} from '@/features/alerts/types/alert-rule'
import { apiRequest } from '@/lib/api-client'

const CONFIGS = '/api/alerts/configs'
const configPath = (id: string) => `${CONFIGS}/${encodeURIComponent(id)}`

/** Oldest first, as the API lists them. */
export async function getAlertRules(): Promise<AlertRule[]> {
  return alertRuleListSchema.parse(await apiRequest(CONFIGS))
}

/** A WEBHOOK channel's `signingSecret` is in this answer only. */
export async function createAlertRule(request: CreateRuleRequest): Promise<AlertRule> {
  return alertRuleSchema.parse(await apiRequest(CONFIGS, { method: 'POST', body: request }))
}

/** Edits a rule: the whole rule again (PUT), so the key, window, model and provider can change too. */
export async function replaceAlertRule(id: string, request: ReplaceRuleRequest): Promise<AlertRule> {
  return alertRuleSchema.parse(await apiRequest(configPath(id), { method: 'PUT', body: request }))
}

/** Changes only the fields named (the enable switch uses it). */
export async function updateAlertRule(id: string, changes: UpdateRuleRequest): Promise<AlertRule> {
  return alertRuleSchema.parse(await apiRequest(configPath(id), { method: 'PATCH', body: changes }))
}

export async function deleteAlertRule(id: string): Promise<void> {
  await apiRequest(configPath(id), { method: 'DELETE' })
}

/**
 * A message marked as a test goes through every channel of the rule at once, whatever its cooldown. It is
 * not kept in the history; its deliveries are listed under the answered `alertId`.
 */
export async function sendTestAlert(id: string): Promise<TestSend> {
  return testSendSchema.parse(await apiRequest(`${configPath(id)}/test`, { method: 'POST' }))
}
