import { describe, expect, it } from 'vitest'
import { logActivity } from '../../src/renderer/src/activity/log'
import { freshDb } from '../helpers/replica'

describe('the Activity log', () => {
  it('is bounded: past its limit the oldest entries go first', async () => {
    const db = freshDb()
    for (let n = 1; n <= 12; n++)
      await logActivity(db, { kind: 'sync', level: 'info', message: `entry ${n}` }, 10)
    const kept = await db.activity.orderBy('id').toArray()
    expect(kept.map((e) => e.message)).toEqual(Array.from({ length: 10 }, (_, i) => `entry ${i + 3}`))
    db.close()
  })
})
