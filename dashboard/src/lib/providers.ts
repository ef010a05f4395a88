/** The providers Quotah can watch today; the API may name newer ones before the dashboard knows them. */
export const PROVIDERS = ['ANTHROPIC', 'OPENAI'] as const
export type KnownProvider = (typeof PROVIDERS)[number]

const PROVIDER_NAMES: Record<string, string> = { ANTHROPIC: 'Anthropic', OPENAI: 'OpenAI' }

/** "Anthropic" for ANTHROPIC; an unknown code is shown capitalised rather than hidden. */
export function providerName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider.charAt(0) + provider.slice(1).toLowerCase()
}
