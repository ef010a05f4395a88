import { useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorBanner } from '@/components/ErrorBanner'
import { PlusIcon } from '@/components/icons'
import { NoticeBanner } from '@/components/NoticeBanner'
import { PageHeader } from '@/components/PageHeader'
import { DeleteRuleDialog } from '@/features/alerts/components/DeleteRuleDialog'
import { HistorySection } from '@/features/alerts/components/HistorySection'
import { RuleFormDialog } from '@/features/alerts/components/RuleFormDialog'
import { RulesSection } from '@/features/alerts/components/RulesSection'
import { SigningSecretDialog } from '@/features/alerts/components/SigningSecretDialog'
import type { AlertRule } from '@/features/alerts/types/alert-rule'
import { usePageTitle } from '@/hooks/use-page-title'

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; rule: AlertRule }
  | { kind: 'delete'; rule: AlertRule }
  /** The answer of the save that made one or more webhooks, with their secrets: shown once. */
  | { kind: 'secret'; rule: AlertRule }
  | null

type Notice = { tone: 'info' | 'error'; message: string } | null

type AlertsPageProps = {
  /** The signed-in user's email, offered as a new rule's first channel. */
  defaultEmail?: string
}

/** Alert rules (what to watch and who to tell) and the history of what they raised. */
export function AlertsPage({ defaultEmail }: AlertsPageProps) {
  usePageTitle('Alerts')
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const [notice, setNotice] = useState<Notice>(null)

  const closeDialog = () => setDialog(null)
  const openCreate = () => {
    setNotice(null)
    setDialog({ kind: 'create' })
  }

  function saved(rule: AlertRule, verb: 'Created' | 'Saved the changes to') {
    setNotice({ tone: 'info', message: `${verb} “${rule.name}”.` })
    const madeWebhook = rule.channels.some((channel) => channel.signingSecret)
    setDialog(madeWebhook ? { kind: 'secret', rule } : null)
  }

  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules that warn your team before a key hits its limit or spend runs away, and what they raised."
        actions={
          <Button onClick={openCreate}>
            <PlusIcon className="size-4" />
            New rule
          </Button>
        }
      />

      {notice && (
        <div className="mb-6">
          {notice.tone === 'error' ? <ErrorBanner message={notice.message} /> : <NoticeBanner message={notice.message} />}
        </div>
      )}

      <div className="space-y-10">
        <RulesSection
          onCreate={openCreate}
          onEdit={(rule) => {
            setNotice(null)
            setDialog({ kind: 'edit', rule })
          }}
          onDelete={(rule) => {
            setNotice(null)
            setDialog({ kind: 'delete', rule })
          }}
          onNotice={setNotice}
        />
        <HistorySection onNotice={setNotice} />
      </div>

      {dialog?.kind === 'create' && (
        <RuleFormDialog defaultEmail={defaultEmail} onSaved={(rule) => saved(rule, 'Created')} onClose={closeDialog} />
      )}
      {dialog?.kind === 'edit' && (
        <RuleFormDialog rule={dialog.rule} onSaved={(rule) => saved(rule, 'Saved the changes to')} onClose={closeDialog} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteRuleDialog
          rule={dialog.rule}
          onDeleted={(rule) => {
            closeDialog()
            setNotice({ tone: 'info', message: `Deleted “${rule.name}”. Its alerts stay in the history.` })
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'secret' && <SigningSecretDialog rule={dialog.rule} onClose={closeDialog} />}
    </>
  )
}
