import { describe, expect, it } from 'vitest'
import { GS } from '../../../shared/scan'
import { createKeyboardWedge, type EditTarget, type KeyboardWedge, type WedgeKey } from './keyboard-wedge'

/** A focused text field as the browser would edit it: keys not prevented are typed at the caret. */
class Field implements EditTarget {
  constructor(
    public value = '',
    public caret = value.length,
    public secret = false
  ) {}
  insert(text: string) {
    this.value = this.value.slice(0, this.caret) + text + this.value.slice(this.caret)
    this.caret += text.length
  }
  deleteBefore(count: number) {
    const from = Math.max(0, this.caret - count)
    this.value = this.value.slice(0, from) + this.value.slice(this.caret)
    this.caret = from
  }
}

/** Drives a wedge with keys at given instants, firing its deadline timer as a browser would. */
class Keyboard {
  at = 1000
  prevented: string[] = []
  scans: string[] = []
  repeats: string[] = []
  wedge: KeyboardWedge

  constructor(
    public field: Field | null,
    detector: Parameters<typeof createKeyboardWedge>[0]['detector'] = {},
    repeatWindowMs: number | null = null
  ) {
    this.wedge = createKeyboardWedge({
      detector,
      repeatWindowMs,
      onScan: (code) => this.scans.push(code),
      onRepeat: (code) => this.repeats.push(code)
    })
  }

  private timers(until: number) {
    const due = this.wedge.deadline()
    if (due !== null && due <= until) this.wedge.onDeadline(due, this.field)
  }

  key(key: string, gapMs: number, extra: Partial<WedgeKey> = {}) {
    this.at += gapMs
    this.timers(this.at)
    const prevented = this.wedge.onKeyDown({ key, timeStamp: this.at, ...extra }, this.field)
    if (prevented) this.prevented.push(key)
    else if (key.length === 1 && !extra.ctrlKey && this.field) this.field.insert(key)
    return prevented
  }

  type(text: string, gapMs: number) {
    for (const ch of text) this.key(ch, gapMs)
  }

  /** A keyboard-wedge scanner: a few ms per key, then the suffix. */
  scan(code: string, suffix = 'Enter', gapMs = 3) {
    this.key(code[0] ?? '', 400)
    for (const ch of code.slice(1)) this.key(ch, gapMs)
    return this.key(suffix, gapMs)
  }

  idle(ms = 1000) {
    this.at += ms
    this.timers(this.at)
  }
}

describe('keyboard-wedge scanner over a focused text field', () => {
  it('takes a scan burst out of the field it was typed into, caret and all', () => {
    const field = new Field('bolt', 4)
    const kb = new Keyboard(field)
    expect(kb.scan('9400000000019')).toBe(true)
    kb.idle()
    expect(kb.scans).toEqual(['9400000000019'])
    expect(field.value).toBe('bolt')
    expect(field.caret).toBe(4)
  })

  it('leaves no character when the caret is in the middle of the text', () => {
    const field = new Field('hexbolt', 3)
    const kb = new Keyboard(field)
    kb.scan('ABC-123')
    expect(field.value).toBe('hexbolt')
    expect(kb.scans).toEqual(['ABC-123'])
  })

  it('lets a person type, at any speed a person types, with nothing held back', () => {
    const field = new Field()
    const kb = new Keyboard(field)
    kb.type('hex bolt', 120)
    kb.key('Enter', 150)
    kb.idle()
    expect(field.value).toBe('hex bolt')
    expect(kb.scans).toEqual([])
    expect(kb.prevented).toEqual([])
  })

  it('gives back a fast rolled-over pair in the right order', () => {
    const field = new Field()
    const kb = new Keyboard(field)
    kb.key('t', 0)
    kb.key('h', 20) // rolled over: held as a possible scan
    kb.key('e', 140) // too slow: 'h' is given back before 'e' is typed
    kb.key('n', 130)
    kb.idle()
    expect(field.value).toBe('then')
    expect(kb.scans).toEqual([])
  })

  it('gives back a fast burst that never ends in Enter or Tab once its deadline passes', () => {
    const field = new Field()
    const kb = new Keyboard(field)
    kb.type('12345', 5)
    expect(field.value).toBe('1') // the first key went through, the rest is held
    kb.idle(150)
    expect(field.value).toBe('12345')
    expect(kb.scans).toEqual([])
  })

  it('does not take a short fast burst with Enter for a scan', () => {
    const field = new Field()
    const kb = new Keyboard(field)
    kb.key('4', 0)
    kb.key('2', 10)
    expect(kb.key('Enter', 10)).toBe(false)
    expect(field.value).toBe('42')
    expect(kb.scans).toEqual([])
  })

  it('accepts a Tab suffix and keeps the Tab from moving focus', () => {
    const kb = new Keyboard(new Field())
    expect(kb.scan('SKU-778', 'Tab')).toBe(true)
    expect(kb.scans).toEqual(['SKU-778'])
    expect(kb.field?.value).toBe('')
  })

  it('catches a prefixed scan from its first key and removes the prefix', () => {
    const field = new Field('x')
    const kb = new Keyboard(field, { prefixes: ['§'] })
    kb.scan('§4006381333931')
    expect(kb.prevented[0]).toBe('§')
    expect(field.value).toBe('x')
    expect(kb.scans).toEqual(['4006381333931'])
  })

  it('takes Ctrl+] inside a burst as the GS1 separator', () => {
    const kb = new Keyboard(new Field())
    kb.key('0', 400)
    for (const ch of '10950600013435210LOT7') kb.key(ch, 2)
    kb.key(']', 2, { ctrlKey: true })
    for (const ch of '3012') kb.key(ch, 2)
    kb.key('Enter', 2)
    expect(kb.scans).toEqual([`010950600013435210LOT7${GS}3012`])
    expect(kb.field?.value).toBe('')
  })

  it('leaves shortcuts alone', () => {
    const kb = new Keyboard(new Field())
    expect(kb.key('z', 0, { ctrlKey: true })).toBe(false)
    expect(kb.key('s', 5, { metaKey: true })).toBe(false)
  })

  it('scans with nothing focused', () => {
    const kb = new Keyboard(null)
    kb.scan('4006381333931')
    expect(kb.scans).toEqual(['4006381333931'])
  })

  it('ends a burst on key auto-repeat: a held key is typing', () => {
    const field = new Field()
    const kb = new Keyboard(field)
    kb.key('a', 0)
    kb.key('a', 30, { repeat: true })
    kb.key('a', 30, { repeat: true })
    kb.key('Enter', 30)
    expect(kb.scans).toEqual([])
    expect(field.value).toBe('aaa')
  })

  it('never takes a burst typed into a secret field for a scan: a password manager at scanner speed', () => {
    const field = new Field('', 0, true)
    const kb = new Keyboard(field)
    const key = 'fb_live_9400000000019'
    for (const ch of key) kb.key(ch, 10)
    kb.key('Enter', 10)
    kb.key('Tab', 10)
    kb.idle()
    expect(kb.scans).toEqual([])
    expect(kb.prevented).toEqual([])
    expect(field.value).toBe(key)
  })

  it('drops a burst that focus carried into a secret field, and scans again once focus leaves it', () => {
    const plain = new Field()
    const secret = new Field('', 0, true)
    const kb = new Keyboard(plain)
    kb.key('4', 400)
    kb.key('0', 3)
    kb.field = secret
    for (const ch of '06381333931') kb.key(ch, 3)
    kb.key('Enter', 3)
    expect(kb.scans).toEqual([])
    kb.field = plain
    kb.idle()
    kb.scan('4006381333931')
    expect(kb.scans).toEqual(['4006381333931'])
  })
})

describe('the same code scanned again', () => {
  const code = '4006381333931'

  it('counts every scan when repeats are not ignored (the default)', () => {
    const kb = new Keyboard(new Field())
    kb.scan(code) // idles 400 ms before its first key
    kb.scan(code)
    expect(kb.scans).toEqual([code, code])
    expect(kb.repeats).toEqual([])
  })

  it('with a window: a second scan inside it is ignored and reported, one outside it counts', () => {
    const field = new Field('bolt', 4)
    const kb = new Keyboard(field, {}, 1000)
    kb.scan(code)
    expect(kb.scan(code)).toBe(true) // ~440 ms later: its keys still never reach the field
    expect(kb.scans).toEqual([code])
    expect(kb.repeats).toEqual([code])
    kb.idle(1000)
    kb.scan(code)
    expect(kb.scans).toEqual([code, code])
    expect(field.value).toBe('bolt')
  })

  it('another code in between is not a repeat', () => {
    const kb = new Keyboard(new Field(), {}, 5000)
    kb.scan(code)
    kb.scan('5012345678900')
    kb.scan(code)
    expect(kb.scans).toEqual([code, '5012345678900', code])
    expect(kb.repeats).toEqual([])
  })
})
