import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal } from './journal'

describe('journal', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  const entry = (seq: number, state: string) => ({
    op: 'put' as const,
    table: 'outbox' as const,
    key: seq,
    value: { seq, id: `e${seq}`, state, idempotencyKey: `k${seq}` }
  })

  it('keeps every committed change across a restart, the latest value per record', async () => {
    const j = await Journal.open(dir)
    await j.append([entry(1, 'pending'), entry(2, 'pending')])
    await j.append([entry(1, 'sending')])
    await j.append([{ op: 'put', table: 'counts', key: 'c1', value: { id: 'c1', state: 'open' } }])
    await j.append([{ op: 'put', table: 'countLines', key: 'l1', value: { id: 'l1', countId: 'c1' } }])
    const again = await Journal.open(dir)
    const { tables } = again.snapshot()
    expect(tables.outbox.map((e) => [e.seq, e.state])).toEqual([
      [1, 'sending'],
      [2, 'pending']
    ])
    expect(tables.counts).toHaveLength(1)
    expect(tables.countLines).toHaveLength(1)
  })

  it('forgets what is finished: confirmed writes and submitted counts with their lines', async () => {
    const j = await Journal.open(dir)
    await j.append([entry(1, 'pending'), entry(2, 'pending')])
    await j.append([{ op: 'put', table: 'counts', key: 'c1', value: { id: 'c1', state: 'open' } }])
    await j.append([{ op: 'put', table: 'countLines', key: 'l1', value: { id: 'l1', countId: 'c1' } }])
    await j.append([
      entry(1, 'done'),
      { op: 'put', table: 'counts', key: 'c1', value: { id: 'c1', state: 'submitted' } }
    ])
    await j.compact()
    const { tables } = (await Journal.open(dir)).snapshot()
    expect(tables.outbox.map((e) => e.seq)).toEqual([2])
    expect(tables.counts).toEqual([])
    expect(tables.countLines).toEqual([])
    expect((await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1)
  })

  it('a line cut short by a crash mid-append loses only that line', async () => {
    const j = await Journal.open(dir)
    await j.append([entry(1, 'pending')])
    await appendFile(join(dir, 'journal.jsonl'), '{"op":"put","table":"outbox","key":2,"val')
    const logged: string[] = []
    const { tables } = (await Journal.open(dir, (l) => logged.push(l))).snapshot()
    expect(tables.outbox.map((e) => e.seq)).toEqual([1])
    expect(logged).toEqual(['journal: 1 unreadable line skipped'])
  })

  it('deletes and clears as the database did', async () => {
    const j = await Journal.open(dir)
    await j.append([entry(1, 'pending'), entry(2, 'pending')])
    await j.append([{ op: 'delete', table: 'outbox', key: 1 }])
    expect(j.snapshot().tables.outbox.map((e) => e.seq)).toEqual([2])
    await j.append([{ op: 'clear', table: 'outbox' }])
    expect(j.snapshot().tables.outbox).toEqual([])
  })
})
