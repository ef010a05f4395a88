// The daily chart's value axis: Recharts draws the line, Quotah picks a top that reads well.

/** A round top for the axis at or above `cents`: 1, 2 or 5 times a power of ten. */
export function niceCeilCents(cents: number): number {
  if (cents <= 0) return 100
  const magnitude = 10 ** Math.floor(Math.log10(cents))
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= cents) ?? 10
  return step * magnitude
}
