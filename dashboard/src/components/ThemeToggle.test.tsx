import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ThemeToggle } from '@/components/ThemeToggle'
import { applyTheme, preferredTheme, THEME_STORAGE_KEY } from '@/lib/theme'

function systemPrefers(scheme: 'dark' | 'light') {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(prefers-color-scheme: dark)' && scheme === 'dark',
  }))
}

describe('theme', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('toggles the dark class on <html> and remembers the choice', async () => {
    const user = userEvent.setup()
    applyTheme('light')
    render(<ThemeToggle />)

    await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }))
    expect(document.documentElement).toHaveClass('dark')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark')

    await user.click(screen.getByRole('button', { name: 'Switch to light theme' }))
    expect(document.documentElement).not.toHaveClass('dark')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light')
  })

  it('follows the system preference until the user chooses', () => {
    systemPrefers('dark')
    expect(preferredTheme()).toBe('dark')

    localStorage.setItem(THEME_STORAGE_KEY, 'light')
    expect(preferredTheme()).toBe('light')
  })

  it('defaults to light when the system has no dark preference', () => {
    systemPrefers('light')
    expect(preferredTheme()).toBe('light')
  })
})
