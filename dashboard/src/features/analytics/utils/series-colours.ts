// Chart colours as whole Tailwind class names (Tailwind finds classes by scanning for them),
// each with its dark-theme shade. Colour only helps: every share is also named in words.
// `fill` is put on the shapes Recharts draws: a CSS class outweighs the fill attribute it sets.

export type SeriesColour = { fill: string; swatch: string }

const ANTHROPIC: SeriesColour = { fill: 'fill-orange-500 dark:fill-orange-400', swatch: 'bg-orange-500 dark:bg-orange-400' }
const OPENAI: SeriesColour = { fill: 'fill-emerald-500 dark:fill-emerald-400', swatch: 'bg-emerald-500 dark:bg-emerald-400' }

const OTHERS: readonly SeriesColour[] = [
  { fill: 'fill-indigo-500 dark:fill-indigo-400', swatch: 'bg-indigo-500 dark:bg-indigo-400' },
  { fill: 'fill-sky-500 dark:fill-sky-400', swatch: 'bg-sky-500 dark:bg-sky-400' },
  { fill: 'fill-fuchsia-500 dark:fill-fuchsia-400', swatch: 'bg-fuchsia-500 dark:bg-fuchsia-400' },
  { fill: 'fill-lime-600 dark:fill-lime-400', swatch: 'bg-lime-600 dark:bg-lime-400' },
]

/** A provider keeps its colour whatever else is in the chart; others take the next free one. */
export function providerColour(provider: string, index: number): SeriesColour {
  if (provider === 'ANTHROPIC') return ANTHROPIC
  if (provider === 'OPENAI') return OPENAI
  return OTHERS[index % OTHERS.length]
}
