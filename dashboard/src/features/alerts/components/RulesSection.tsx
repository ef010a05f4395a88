import { useState, type ReactNode } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorBanner } from '@/components/ErrorBanner'
import { BellIcon, CloseIcon, PaperAirplaneIcon, PencilIcon, PlusIcon, RefreshIcon, TrashIcon } from '@/components/icons'
import { Spinner } from '@/components/Spinner'
import { Switch } from '@/components/Switch'
import { DeliveriesPanel } from '@/features/alerts/components/DeliveriesPanel'
import { useAlertRules, useSendTestAlert, useSetRuleEnabled } from '@/features/alerts/hooks/use-alert-rules'
import { useWatchedKeys } from '@/features/alerts/hooks/use-watched-keys'
import { isRuleKind, type AlertRule } from '@/features/alerts/types/alert-rule'
import { channelText, conditionText, cooldownText, kindName } from '@/features/alerts/utils/rule-text'
import { describeError } from '@/lib/api-error'

type RulesSectionProps = {
  onCreate: () => void
  onEdit: (rule: AlertRule) => void
  onDelete: (rule: AlertRule) => void
  /** A sentence for the page's notice, or null to clear it. */
  onNotice: (notice: { tone: 'info' | 'error'; message: string } | null) => void
}

export function RulesSection({ onCreate, onEdit, onDelete, onNotice }: RulesSectionProps) {
  const rules = useAlertRules()
  const keys = useWatchedKeys()
  const setEnabled = useSetRuleEnabled()
  const sendTest = useSendTestAlert()
  // The last test message of each rule, by rule id: test sends are not kept in the history.
  const [testSends, setTestSends] = useState<Readonly<Record<string, string>>>({})

  function toggle(rule: AlertRule, enabled: boolean) {
    onNotice(null)
    setEnabled.mutate(
      { id: rule.id, enabled },
      {
        onError: (error) =>
          onNotice({
            tone: 'error',
            message: `“${rule.name}” could not be ${enabled ? 'enabled' : 'disabled'}. ${describeError(error)}`,
          }),
      },
    )
  }

  function test(rule: AlertRule) {
    onNotice(null)
    sendTest.mutate(rule, {
      onSuccess: ({ alertId }) => {
        setTestSends((current) => ({ ...current, [rule.id]: alertId }))
        onNotice({
          tone: 'info',
          message: `Sent a test alert for “${rule.name}” through ${rule.channels.length === 1 ? 'its channel' : `its ${rule.channels.length} channels`}. Test alerts are not kept in the history; how each channel took it shows under the rule.`,
        })
      },
      onError: (error) =>
        onNotice({ tone: 'error', message: `The test alert for “${rule.name}” was not sent. ${describeError(error)}` }),
    })
  }

  return (
    <section aria-labelledby="alert-rules-heading">
      <h2 id="alert-rules-heading" className="mb-4 text-lg font-semibold text-gray-900 dark:text-gray-50">
        Rules
      </h2>

      {rules.isPending && (
        <div className="flex justify-center py-10 text-indigo-600 dark:text-indigo-400">
          <Spinner label="Loading alert rules…" className="size-8" />
        </div>
      )}

      {rules.isError && (
        <ErrorBanner
          message={`Your alert rules could not be loaded. ${describeError(rules.error)}`}
          action={
            <Button variant="secondary" onClick={() => void rules.refetch()} isLoading={rules.isFetching}>
              {!rules.isFetching && <RefreshIcon className="size-4" />}
              Retry
            </Button>
          }
        />
      )}

      {rules.isSuccess && rules.data.length === 0 && (
        <EmptyState
          icon={<BellIcon className="size-6" />}
          title="No alert rules yet"
          description="A rule tells your team, by email or a webhook, before a key hits its rate limit, a budget runs out or spend jumps."
          action={
            <Button onClick={onCreate}>
              <PlusIcon className="size-4" />
              Create your first rule
            </Button>
          }
        />
      )}

      {rules.isSuccess && rules.data.length > 0 && (
        <ul aria-label="Alert rules" className="grid gap-3 lg:grid-cols-2">
          {rules.data.map((rule) => (
            <li
              key={rule.id}
              data-testid="alert-rule"
              data-rule-id={rule.id}
              className="flex flex-col rounded-lg border border-gray-200 bg-white p-4 shadow-sm dark:border-gray-800 dark:bg-gray-900"
            >
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <h3 className="truncate text-sm font-semibold text-gray-900 dark:text-gray-50" title={rule.name}>
                    {rule.name}
                  </h3>
                  <p className="text-xs text-gray-600 dark:text-gray-400">{kindName(rule.kind)}</p>
                </div>
                <Switch
                  checked={rule.enabled}
                  onChange={(enabled) => toggle(rule, enabled)}
                  label={`Enable ${rule.name}`}
                  visibleText={rule.enabled ? 'On' : 'Off'}
                  disabled={setEnabled.isPending && setEnabled.variables?.id === rule.id}
                />
              </div>
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
                <Term term="Condition">{conditionText(rule, keys.data)}</Term>
                <Term term={rule.channels.length === 1 ? 'Channel' : 'Channels'}>
                  <ul>
                    {rule.channels.map((channel, index) => (
                      <li key={index} className="break-words">
                        {channelText(channel)}
                      </li>
                    ))}
                  </ul>
                </Term>
                <Term term="Cooldown">{cooldownText(rule.cooldownMinutes)}</Term>
              </dl>
              {testSends[rule.id] && (
                <div
                  role="group"
                  aria-label={`Test alert for ${rule.name}`}
                  data-testid="test-send"
                  className="mt-3 rounded-md border border-gray-200 p-3 dark:border-gray-800"
                >
                  <div className="mb-1 flex items-center justify-between gap-2">
                    <p className="text-xs font-semibold text-gray-700 uppercase dark:text-gray-300">Test alert</p>
                    <button
                      type="button"
                      onClick={() =>
                        setTestSends(({ [rule.id]: _closed, ...rest }) => rest)
                      }
                      aria-label={`Hide the test alert of ${rule.name}`}
                      className="rounded-md p-1 text-gray-500 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100"
                    >
                      <CloseIcon className="size-4" />
                    </button>
                  </div>
                  <DeliveriesPanel alertId={testSends[rule.id]} />
                </div>
              )}
              <div className="mt-auto flex flex-wrap gap-1 pt-4">
                <ActionButton
                  onClick={() => test(rule)}
                  label={`Send a test alert for ${rule.name}`}
                  isLoading={sendTest.isPending && sendTest.variables?.id === rule.id}
                >
                  <PaperAirplaneIcon className="size-4" />
                  Send test
                </ActionButton>
                {isRuleKind(rule.kind) && (
                  <ActionButton onClick={() => onEdit(rule)} label={`Edit ${rule.name}`}>
                    <PencilIcon className="size-4" />
                    Edit
                  </ActionButton>
                )}
                <ActionButton onClick={() => onDelete(rule)} label={`Delete ${rule.name}`} danger>
                  <TrashIcon className="size-4" />
                  Delete
                </ActionButton>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Term({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-gray-600 dark:text-gray-400">{term}</dt>
      <dd className="min-w-0 text-gray-900 dark:text-gray-100">{children}</dd>
    </>
  )
}

type ActionButtonProps = {
  onClick: () => void
  label: string
  danger?: boolean
  isLoading?: boolean
  children: ReactNode
}

function ActionButton({ onClick, label, danger = false, isLoading = false, children }: ActionButtonProps) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      disabled={isLoading}
      aria-busy={isLoading || undefined}
      className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors disabled:opacity-60 ${
        danger
          ? 'text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950/60'
          : 'text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800'
      }`}
    >
      {isLoading ? <Spinner className="size-4" /> : null}
      {children}
    </button>
  )
}
