import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/App'
import { applyTheme, preferredTheme } from '@/lib/theme'
import '@/index.css'

// Before the first render, so the page never flashes the wrong theme.
applyTheme(preferredTheme())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
