import { useCallback, useSyncExternalStore } from 'react'

/**
 * Whether a CSS media query matches, kept current as the window resizes. Where matchMedia is
 * missing (old browsers, jsdom) it answers `fallback`.
 */
export function useMediaQuery(query: string, fallback = true): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia?.(query)
      list?.addEventListener?.('change', onChange)
      return () => list?.removeEventListener?.('change', onChange)
    },
    [query],
  )
  const read = () => window.matchMedia?.(query)?.matches ?? fallback
  return useSyncExternalStore(subscribe, read, () => fallback)
}
