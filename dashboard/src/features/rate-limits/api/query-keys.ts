import type { HistorySpan } from '@/features/rate-limits/types/rate-limit-history'

// Every query of the feature sits under 'rate-limits'.
export const rateLimitKeys = {
  all: ['rate-limits'] as const,
  /** The rate limits of every key of the workspace (one answer). */
  overview: () => ['rate-limits', 'overview'] as const,
  /** One key's history over a span ending when it is asked (the span, not the instants, is the key). */
  history: (keyId: string, span: HistorySpan) => ['rate-limits', 'history', keyId, span] as const,
}
