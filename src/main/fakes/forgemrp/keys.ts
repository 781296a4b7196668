/**
 * ForgeMRP API keys: `fmrp_live_<keyid>_<secret>_<crc>` (documented) and `fmrp_test_…`
 * (U16). The check digits and the scope rules are in the shared assumptions.
 */
import { crc32 } from 'node:zlib'
import { FORGE_KEY_PATTERN } from '../../../shared/vendors/forgemrp/assumptions'
import type { ForgeKey } from './model'

/** The CRC-32 check digits of a key's body, 8 lower-case hex digits. */
export function keyCrc(body: string): string {
  return (crc32(body) >>> 0).toString(16).padStart(8, '0')
}

/** The full key string for a key record. */
export function formatKey(k: Pick<ForgeKey, 'mode' | 'keyId' | 'secret'>): string {
  const body = `fmrp_${k.mode}_${k.keyId}_${k.secret}`
  return `${body}_${keyCrc(body)}`
}

export type ParsedKey =
  | { ok: true; mode: 'live' | 'test'; keyId: string; secret: string }
  | { ok: false; reason: string }

/** Reads a presented key; a wrong shape or check digits is refused before any lookup. */
export function parseKey(key: string): ParsedKey {
  const m = FORGE_KEY_PATTERN.exec(key)
  if (!m) return { ok: false, reason: 'API key is not a ForgeMRP key' }
  const [, mode, keyId, secret, crc] = m
  if (keyCrc(`fmrp_${mode}_${keyId}_${secret}`) !== crc)
    return { ok: false, reason: 'API key check digits do not match (mistyped key?)' }
  return { ok: true, mode: mode as 'live' | 'test', keyId: keyId!, secret: secret! }
}

/** A write scope implies the matching read scope (documented): `quotes.create` lets a key read quotes. */
export function hasScope(scopes: ReadonlySet<string>, needed: string): boolean {
  if (scopes.has(needed)) return true
  const [resource, action] = needed.split('.')
  return action === 'view' && [...scopes].some((s) => s.startsWith(`${resource}.`))
}
