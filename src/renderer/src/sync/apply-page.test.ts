import { describe, expect, it } from 'vitest'
import { SliceSizer } from './apply-page'

describe('slices sized by time', () => {
  it('fit the target from what a row of each table costs beside the fixed part', () => {
    const sizer = new SliceSizer(12)
    for (let i = 0; i < 20; i++) sizer.learn('checkpoints', 1, 2) // a transaction costs 2 ms
    for (let i = 0; i < 20; i++) {
      sizer.learn('items', sizer.rows('items'), 2 + sizer.rows('items') * 0.5) // 0.5 ms an item
      sizer.learn('stock', sizer.rows('stock'), 2 + sizer.rows('stock') * 0.02)
    }
    expect(sizer.rows('items')).toBe(20) // (12 − 2) ÷ 0.5
    expect(sizer.rows('stock')).toBe(500)
  })

  it('on a busy PC whose transactions alone take longer than the target, do not shrink to nothing', () => {
    const sizer = new SliceSizer(12)
    for (let i = 0; i < 30; i++) sizer.learn('checkpoints', 1, 30)
    for (let i = 0; i < 30; i++) sizer.learn('items', sizer.rows('items'), 30 + sizer.rows('items') * 0.5)
    // Twice the fixed part: half of each slice writes rows.
    expect(sizer.rows('items')).toBeGreaterThanOrEqual(55)
  })
})
