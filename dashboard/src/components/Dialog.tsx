import { useEffect, useEffectEvent, useId, useRef, type ReactNode, type RefObject } from 'react'
import { CloseIcon } from '@/components/icons'

type DialogProps = {
  title: string
  /** One or two sentences under the title; read out with the title when the dialog opens. */
  description?: ReactNode
  onClose: () => void
  children: ReactNode
  /** What gets focus on open; by default the first focusable element inside. */
  initialFocusRef?: RefObject<HTMLElement | null>
  /** `alertdialog` for a confirmation that interrupts, `dialog` for a form. */
  role?: 'dialog' | 'alertdialog'
  /** `wide` for a long form that needs two columns on larger screens. */
  size?: 'normal' | 'wide'
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: labelled by its title, focus on its first field, Tab kept inside, Escape and the
 * backdrop close it, and focus goes back to whatever opened it (or to <main> when that is gone).
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  initialFocusRef,
  role = 'dialog',
  size = 'normal',
}: DialogProps) {
  const panelRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const onCloseRef = useRef(onClose)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  // Reads the ref as it is when the dialog opens, without making the opening depend on it.
  const focusInitial = useEffectEvent((panel: HTMLElement | null) => {
    // The first field, not the close button: that is where the user starts.
    const target = initialFocusRef?.current ?? bodyRef.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel
    target?.focus()
  })

  useEffect(() => {
    const panel = panelRef.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    focusInitial(panel)

    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault()
        onCloseRef.current()
      } else if (event.key === 'Tab' && panel) {
        keepFocusInside(panel, event)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    const previousOverflow = document.body.style.overflow
    document.body.style.overflow = 'hidden'

    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.body.style.overflow = previousOverflow
      const returnTo = opener?.isConnected ? opener : document.getElementById('main-content')
      returnTo?.focus()
    }
    // Runs once per opening: focus must not jump when the parent re-renders.
  }, [])

  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center p-0 sm:items-center sm:p-4">
      <div className="fixed inset-0 bg-gray-900/50" aria-hidden="true" onClick={() => onCloseRef.current()} />
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={`relative max-h-[100dvh] w-full overflow-y-auto rounded-t-xl bg-white p-5 shadow-xl outline-none sm:max-h-[calc(100dvh-2rem)] sm:rounded-xl sm:p-6 dark:bg-gray-900 dark:ring-1 dark:ring-gray-800 ${
          size === 'wide' ? 'sm:max-w-2xl' : 'sm:max-w-lg'
        }`}
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold text-gray-900 dark:text-gray-50">
            {title}
          </h2>
          <button
            type="button"
            onClick={() => onCloseRef.current()}
            aria-label="Close"
            className="-m-1 rounded-md p-1 text-gray-500 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100"
          >
            <CloseIcon />
          </button>
        </div>
        {description && (
          <div id={descriptionId} className="mt-2 text-sm text-gray-600 dark:text-gray-400">
            {description}
          </div>
        )}
        <div ref={bodyRef} className="mt-5">
          {children}
        </div>
      </div>
    </div>
  )
}

// A modal must not let Tab wander into the page hidden behind it.
function keepFocusInside(container: HTMLElement, event: KeyboardEvent) {
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)]
  if (focusable.length === 0) {
    event.preventDefault()
    return
  }
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  const active = document.activeElement
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault()
    first.focus()
  }
}
