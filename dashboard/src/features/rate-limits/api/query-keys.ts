// Every query of the feature sits under 'rate-limits'.
export const rateLimitKeys = {
  all: ['rate-limits'] as const,
  /** The rate limits of every key of the workspace (one answer). */
  overview: () => ['rate-limits', 'overview'] as const,
}
