// Chart colours as whole Tailwind class names (Tailwind finds classes by scanning for them),
// each with its dark-theme shade. Colour only helps: every share is also named in words.

export type SeriesColour = { stroke: string; swatch: string }

const ANTHROPIC: SeriesColour = { stroke: 'stroke-orange-500 dark:stroke-orange-400', swatch: 'bg-orange-500 dark:bg-orange-400' }
const OPENAI: SeriesColour = { stroke: 'stroke-emerald-500 dark:stroke-emerald-400', swatch: 'bg-emerald-500 dark:bg-emerald-400' }

const OTHERS: readonly SeriesColour[] = [
  { stroke: 'stroke-indigo-500 dark:stroke-indigo-400', swatch: 'bg-indigo-500 dark:bg-indigo-400' },
  { stroke: 'stroke-sky-500 dark:stroke-sky-400', swatch: 'bg-sky-500 dark:bg-sky-400' },
  { stroke: 'stroke-fuchsia-500 dark:stroke-fuchsia-400', swatch: 'bg-fuchsia-500 dark:bg-fuchsia-400' },
  { stroke: 'stroke-lime-600 dark:stroke-lime-400', swatch: 'bg-lime-600 dark:bg-lime-400' },
]

/** A provider keeps its colour whatever else is in the chart; others take the next free one. */
export function providerColour(provider: string, index: number): SeriesColour {
  if (provider === 'ANTHROPIC') return ANTHROPIC
  if (provider === 'OPENAI') return OPENAI
  return OTHERS[index % OTHERS.length]
}
