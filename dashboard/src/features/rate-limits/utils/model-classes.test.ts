import { describe, expect, it } from 'vitest'
import type { KeyLimit } from '@/features/rate-limits/types/rate-limits'
import { anthropicModelClass, modelGroups } from '@/features/rate-limits/utils/model-classes'

function limit(model: string | null, source: string, kinds: string[], capturedAt = '2026-03-01T12:00:00Z'): KeyLimit {
  return {
    model,
    source,
    capturedAt,
    ageSeconds: 5,
    stale: false,
    retryAfterSeconds: null,
    windows: kinds.map((kind, index) => ({
      kind,
      limit: 50 + index,
      remaining: source === 'ADMIN_API' ? null : 40,
      usedPercent: null,
      resetAt: null,
      status: 'unknown',
      exhaustsAt: null,
      secondsToExhaustion: null,
    })),
  }
}

describe('anthropicModelClass', () => {
  it('reads a probed model and an Admin API group name back to the same class', () => {
    expect(anthropicModelClass('claude-haiku-4-5')).toEqual({ id: 'haiku-4', name: 'Claude Haiku 4.x' })
    expect(anthropicModelClass('claude-haiku-4-5-20251001')).toEqual({ id: 'haiku-4', name: 'Claude Haiku 4.x' })
  })

  it('puts every version of a major release in one class, and older names by their version', () => {
    expect(anthropicModelClass('claude-opus-4-1-20250805')?.id).toBe('opus-4')
    expect(anthropicModelClass('claude-opus-4-6')?.id).toBe('opus-4')
    expect(anthropicModelClass('claude-opus-5')?.id).toBe('opus-5')
    expect(anthropicModelClass('claude-3-5-haiku-20241022')?.id).toBe('haiku-3')
  })

  it('reads no class from a group id or another name', () => {
    expect(anthropicModelClass('rl_01abc')).toBeNull()
    expect(anthropicModelClass('gpt-5-nano')).toBeNull()
    expect(anthropicModelClass(null)).toBeNull()
  })
})

describe('modelGroups', () => {
  it('joins live and configured limits of a class; configured kinds no live window shows stay apart', () => {
    const groups = modelGroups({
      provider: 'ANTHROPIC',
      limits: [
        limit('claude-haiku-4-5', 'PROBE', ['REQUESTS', 'TOKENS']),
        limit('claude-haiku-4-5-20251001', 'ADMIN_API', ['REQUESTS', 'OUTPUT_TOKENS']),
        limit('claude-sonnet-4-5-20250929', 'ADMIN_API', ['REQUESTS']),
      ],
    })
    expect(groups.map((group) => [group.className, group.live.length, group.configured.length])).toEqual([
      ['Claude Haiku 4.x', 1, 1],
      ['Claude Sonnet 4.x', 0, 1],
    ])
    expect(groups[0].configuredByKind.get('REQUESTS')?.window.limit).toBe(50)
    expect(groups[0].configuredOnly.map(({ window }) => window.kind)).toEqual(['OUTPUT_TOKENS'])
    expect(groups[1].configuredOnly.map(({ window }) => window.kind)).toEqual(['REQUESTS'])
  })

  it('matches other providers only by the same model name', () => {
    const groups = modelGroups({
      provider: 'OPENAI',
      limits: [limit('gpt-5-nano', 'PROBE', ['REQUESTS']), limit('gpt-4o', 'ADMIN_API', ['REQUESTS'])],
    })
    expect(groups.map((group) => [group.id, group.className])).toEqual([
      ['model:gpt-5-nano', null],
      ['model:gpt-4o', null],
    ])
  })
})
