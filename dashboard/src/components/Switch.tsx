type SwitchProps = {
  checked: boolean
  onChange: (checked: boolean) => void
  /** The accessible name; the switch itself says on or off. */
  label: string
  disabled?: boolean
  /** Shown beside the switch; hidden from screen readers, which hear `label` and the state. */
  visibleText?: string
}

/** An on/off switch (role="switch"), operated by click, Space or Enter like any button. */
export function Switch({ checked, onChange, label, disabled = false, visibleText }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className="group inline-flex items-center gap-2 rounded-full text-sm text-gray-700 disabled:cursor-not-allowed disabled:opacity-60 dark:text-gray-300"
    >
      <span
        aria-hidden="true"
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ${
          checked ? 'bg-indigo-600 dark:bg-indigo-500' : 'bg-gray-300 dark:bg-gray-700'
        }`}
      >
        <span
          className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${
            checked ? 'translate-x-5.5' : 'translate-x-0.5'
          }`}
        />
      </span>
      {visibleText && <span aria-hidden="true">{visibleText}</span>}
    </button>
  )
}
