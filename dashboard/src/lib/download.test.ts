import { describe, expect, it } from 'vitest'
import { filenameFromContentDisposition } from '@/lib/download'

describe('filenameFromContentDisposition', () => {
  it('reads quoted and bare file names', () => {
    expect(filenameFromContentDisposition('attachment; filename="quotah-costs.csv"')).toBe('quotah-costs.csv')
    expect(filenameFromContentDisposition('attachment; filename=costs.csv')).toBe('costs.csv')
    expect(filenameFromContentDisposition('attachment; filename="say \\"hi\\".csv"')).toBe('say "hi".csv')
  })

  it('prefers the encoded filename* form', () => {
    expect(
      filenameFromContentDisposition(`attachment; filename="costs.csv"; filename*=UTF-8''co%C3%BBts%202026.csv`),
    ).toBe('coûts 2026.csv')
  })

  it('keeps only the last path segment and gives up on nothing usable', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/costs.csv"')).toBe('costs.csv')
    expect(filenameFromContentDisposition('attachment')).toBeNull()
    expect(filenameFromContentDisposition(null)).toBeNull()
  })
})
