import { useRef, useState } from 'react'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { FormField, inputClasses } from '@/components/FormField'
import { CheckIcon, CopyIcon } from '@/components/icons'
import type { AlertRule, RuleChannel } from '@/features/alerts/types/alert-rule'

type SigningSecretDialogProps = {
  rule: AlertRule
  onClose: () => void
}

/**
 * The signing secret of each webhook the last save created. The API sends it in that one answer
 * only; it is kept nowhere else, so once this closes it is gone.
 */
export function SigningSecretDialog({ rule, onClose }: SigningSecretDialogProps) {
  const doneRef = useRef<HTMLButtonElement>(null)
  const webhooks = rule.channels.filter((channel) => channel.signingSecret)
  const many = webhooks.length > 1

  return (
    <Dialog
      role="alertdialog"
      title={many ? 'Copy the webhook signing secrets' : 'Copy the webhook signing secret'}
      description={
        <>
          Quotah signs every request to {many ? 'these webhooks' : 'this webhook'} with{' '}
          {many ? 'their secrets' : 'this secret'}, in the <code className="font-mono">Quotah-Signature</code> header.
          It is shown once: copy it now and keep it with the service that receives the webhook.
        </>
      }
      onClose={onClose}
    >
      <div className="space-y-5">
        {webhooks.map((channel) => (
          <SecretRow key={channel.target} channel={channel} />
        ))}
        <div className="flex justify-end">
          <Button ref={doneRef} onClick={onClose}>
            Done, I have copied it
          </Button>
        </div>
      </div>
    </Dialog>
  )
}

function SecretRow({ channel }: { channel: RuleChannel }) {
  const secret = channel.signingSecret ?? ''
  const inputRef = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret)
      setCopy('copied')
    } catch {
      // No clipboard (an insecure origin, a refusal): select it so Ctrl+C works.
      inputRef.current?.select()
      setCopy('failed')
    }
  }

  return (
    <FormField
      label={`Signing secret for ${channel.target}`}
      hint={copy === 'failed' ? 'The browser did not allow copying: the secret is selected, press Ctrl+C or ⌘C.' : undefined}
    >
      {(field) => (
        <div className="flex gap-2">
          <input
            {...field}
            ref={inputRef}
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            className={`${inputClasses(false)} min-w-0 font-mono`}
          />
          <Button variant="secondary" onClick={copySecret} aria-label={copy === 'copied' ? 'Copied' : `Copy the secret for ${channel.target}`}>
            {copy === 'copied' ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
            <span aria-hidden="true">{copy === 'copied' ? 'Copied' : 'Copy'}</span>
          </Button>
        </div>
      )}
    </FormField>
  )
}
