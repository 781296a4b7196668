import { describe, expect, it } from 'vitest'
import { Dexie } from 'dexie'
import { DISK_FULL_WORDS, storageWords } from './storage-errors'

describe('storage errors in words', () => {
  it('a full disk says so and that nothing is lost, whatever IndexedDB called it', () => {
    expect(storageWords(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(
      DISK_FULL_WORDS
    )
    expect(storageWords(new Error('Maximum key generator value reached'))).toBe(DISK_FULL_WORDS)
    // Dexie wraps the browser's error.
    const wrapped = new Dexie.AbortError('Transaction aborted', new DOMException('x', 'QuotaExceededError'))
    expect(storageWords(wrapped)).toBe(DISK_FULL_WORDS)
  })
  it('a write the browser aborted by itself is the full disk too, however it was named', () => {
    expect(storageWords(new Dexie.AbortError('AbortError'))).toBe(DISK_FULL_WORDS)
    expect(storageWords(new DOMException('Transaction was aborted', 'AbortError'))).toBe(DISK_FULL_WORDS)
    expect(storageWords(new Dexie.UnknownError('Internal error committing'))).toBe(DISK_FULL_WORDS)
  })
  it('leaves other errors to their own words', () => {
    expect(storageWords(new Dexie.ConstraintError('Key already exists'))).toBeUndefined()
    expect(storageWords(new Error('This count no longer exists.'))).toBeUndefined()
    expect(storageWords(undefined)).toBeUndefined()
  })
})
