// Every query of the feature sits under 'api-keys', so a change can invalidate exactly what it touched.
export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: () => ['api-keys', 'list'] as const,
}
