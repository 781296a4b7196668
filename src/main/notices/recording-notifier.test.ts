import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ShownNotice } from '../../shared/host-api/notices'
import { createTestServices, type TestServices } from '../../../test/helpers/main-services'

describe("the web host's notifier", () => {
  let t: TestServices
  beforeEach(async () => {
    t = await createTestServices()
  })
  afterEach(() => t.cleanup())

  it('records each notice, hands it to the page, and a click in the page opens what it is about', async () => {
    const events: [string, unknown][] = []
    t.services.events.subscribe((name, payload) => events.push([name, payload]))
    const target = { kind: 'item', itemKey: 'c1:item:42' } as const
    expect(
      await t.services.dispatch('notices:show', { title: 'Low stock: B-1 Bolt', body: '2 on hand', target })
    ).toEqual({ ok: true, value: {} })
    const listed = await t.services.dispatch('notices:list', {})
    if (!listed.ok) throw new Error(listed.error.message)
    const shown = listed.value as ShownNotice[]
    expect(shown).toEqual([expect.objectContaining({ title: 'Low stock: B-1 Bolt', target })])
    expect(events).toEqual([['notices:shown', shown[0]]])
    expect(t.logs).toContain('notice: Low stock: B-1 Bolt — 2 on hand')

    expect(await t.services.dispatch('notices:click', { id: shown[0]!.id })).toEqual({
      ok: true,
      value: {}
    })
    expect(events.at(-1)).toEqual(['notices:clicked', { target }])
  })

  it('refuses a notice without a title and a click on an unknown notice, in plain words', async () => {
    const bad = await t.services.dispatch('notices:show', { title: '', body: 'x' })
    expect(bad.ok).toBe(false)
    const unknown = await t.services.dispatch('notices:click', { id: 'notice-999' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } })
    if (!unknown.ok) expect(unknown.error.message).toMatch(/no longer kept/)
  })
})
