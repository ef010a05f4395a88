import type { KeyLimit, KeyRateLimits, RateLimitWindow } from '@/features/rate-limits/types/rate-limits'

// Anthropic sets its limits per model class, and one limit covers every version of a family's major
// release (Opus 4, 4.1, 4.5 and 4.6 share the "Opus 4.x" limit). A probe names the model it called
// ("claude-haiku-4-5"); the Admin API's rate_limits names a group by the first model it lists
// ("claude-haiku-4-5-20251001"), or by the group's id when it lists none. Both are read back to their
// class here, so the live headroom and the configured limit of a class show together. A name that
// reads as no class (a group id, another provider's model) is matched only by being the same name.

export type ModelClass = { id: string; name: string }

const FAMILIES = ['opus', 'sonnet', 'haiku'] as const

/** "claude-haiku-4-5-20251001" → Haiku 4.x; "claude-3-5-haiku-20241022" → Haiku 3.x; else null. */
export function anthropicModelClass(model: string | null): ModelClass | null {
  if (!model) return null
  const name = model.toLowerCase()
  // Newer ids put the family first (claude-opus-4-1), older ones the version (claude-3-5-sonnet).
  const familyFirst = /^claude-(opus|sonnet|haiku)-(\d+)(?:[-.]|$)/.exec(name)
  const versionFirst = /^claude-(\d+)(?:-\d+)?-(opus|sonnet|haiku)(?:-|$)/.exec(name)
  const family = familyFirst?.[1] ?? versionFirst?.[2]
  const major = familyFirst?.[2] ?? versionFirst?.[1]
  if (!family || !major || !FAMILIES.includes(family as (typeof FAMILIES)[number])) return null
  const title = `${family.charAt(0).toUpperCase()}${family.slice(1)}`
  return { id: `${family}-${major}`, name: `Claude ${title} ${major}.x` }
}

/** Limits read from the provider's configuration rather than from live headers: no remaining figure. */
export function isConfigured(limit: KeyLimit): boolean {
  return limit.source === 'ADMIN_API'
}

/** A configured limit of one window kind, with where it came from. */
export type ConfiguredWindow = { window: RateLimitWindow; from: KeyLimit }

/** What a key knows of one model class (or of one model, or of all models). */
export type ModelGroup = {
  id: string
  /** The class's name, or null when the group is a single model (or all models) by name. */
  className: string | null
  /** Limits from live headers (probes, the customer's traffic), each with its windows. */
  live: KeyLimit[]
  /** Configured limits (Admin API) of the group. */
  configured: KeyLimit[]
  /** The configured limit of each window kind, the newest where several say. */
  configuredByKind: Map<string, ConfiguredWindow>
  /** Configured limits of a kind no live limit of the group reports: shown as figures, not as gauges. */
  configuredOnly: ConfiguredWindow[]
}

/** A group per model class where the provider's model names can be read, else per model name. */
export function modelGroups(key: Pick<KeyRateLimits, 'provider' | 'limits'>): ModelGroup[] {
  const groups = new Map<string, ModelGroup>()
  for (const limit of key.limits) {
    const modelClass = key.provider === 'ANTHROPIC' ? anthropicModelClass(limit.model) : null
    const id = modelClass ? `class:${modelClass.id}` : `model:${limit.model ?? ''}`
    let group = groups.get(id)
    if (!group) {
      group = {
        id,
        className: modelClass?.name ?? null,
        live: [],
        configured: [],
        configuredByKind: new Map(),
        configuredOnly: [],
      }
      groups.set(id, group)
    }
    if (isConfigured(limit)) group.configured.push(limit)
    else group.live.push(limit)
  }
  for (const group of groups.values()) {
    for (const limit of group.configured) {
      for (const window of limit.windows) {
        if (window.limit === null) continue
        const known = group.configuredByKind.get(window.kind)
        if (!known || Date.parse(limit.capturedAt) > Date.parse(known.from.capturedAt)) {
          group.configuredByKind.set(window.kind, { window, from: limit })
        }
      }
    }
    const liveKinds = new Set(group.live.flatMap((limit) => limit.windows.map((window) => window.kind)))
    group.configuredOnly = [...group.configuredByKind.entries()]
      .filter(([kind]) => !liveKinds.has(kind))
      .map(([, configured]) => configured)
  }
  return [...groups.values()]
}
