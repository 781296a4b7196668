import { describe, expect, it } from 'vitest'
import { tiedAtTop } from './pick-tie'

const bearing = (vendorId: string) => ({ name: 'Ball Bearing 608-2RS', sku: '', vendorId })

describe('a pick whose best matches tie', () => {
  it('ties when the first results look alike and what was typed does not single one out', () => {
    expect(tiedAtTop([bearing('inv_a'), bearing('inv_b')], 'ball bearing')).toBe(true)
    expect(tiedAtTop([bearing('inv_a'), bearing('inv_b')], 'inv_b')).toBe(false)
    expect(tiedAtTop([bearing('inv_a'), { ...bearing('inv_c'), name: 'Ball Bearing 6204' }], 'ball')).toBe(
      false
    )
    expect(tiedAtTop([bearing('inv_a')], 'ball')).toBe(false)
  })
})
