import type { DateRange } from '@/features/analytics/types/date-range'

// Every query of the feature sits under 'analytics'. Each range has its own entry, so an answer for a
// range the user has already left lands there and never shows under another range.
export const analyticsKeys = {
  all: ['analytics'] as const,
  costAnalysis: ({ from, to }: DateRange) => ['analytics', 'cost-analysis', { from, to }] as const,
}
