import { REFRESH_MAX_MS, REFRESH_SHARE } from '../../shared/vendors/fractionerp/assumptions'
import { frSession } from '../../shared/vendors/fractionerp/schemas'
import { VendorError, type VendorResponse } from '../http/vendor-http'
import type { AuthSession, SessionContext } from './connector'

const SECOND = 1000

/** The token ran out while its refresh waited for a slot. */
class TokenExpired extends Error {}

/** Refusals that say something about the account itself: the sync stops and the connection pauses. */
const ACCOUNT_CODES = new Set(['INVALID_CREDENTIALS', 'PLAN_RESTRICTED', 'ACCOUNT_INACTIVE'])

/**
 * A refusal of the account (a wrong password, a plan without API access, an
 * inactive tenant) as an `unauthorized` error with words naming the connection,
 * so the gateway pauses it whichever request met it; other errors pass through.
 */
export function accountRefusal(err: unknown, label: string): unknown {
  if (!(err instanceof VendorError) || !err.code || !ACCOUNT_CODES.has(err.code)) return err
  const advice =
    err.code === 'INVALID_CREDENTIALS'
      ? `The password for "${label}" was refused — enter it again in Connections → ${label}.`
      : err.code === 'PLAN_RESTRICTED'
        ? `FractionERP allows API access only on the Pro or Moulding plan, and the account of "${label}" is on another plan. Ask your FractionERP administrator to upgrade it, then sync again.`
        : `The FractionERP account of "${label}" is inactive. Ask your FractionERP administrator to reactivate it, then sync again.`
  return new VendorError({ ...err.toInfo(), kind: 'unauthorized', advice })
}

/**
 * FractionERP's email/password session (see AuthSession for the contract).
 *
 *   no token ──login──▶ token ──(a fifth of its life left)──refresh──▶ token
 *      ▲                  │ 401 on a request: log in again once, retry that request
 *      └──── refresh refused (401) ◀┘
 *   login refused (INVALID_CREDENTIALS) ──▶ refused: no further attempt until a new password
 *
 * Refresh revokes the old token, so there is never more than one login or
 * refresh in flight; everyone waiting takes the token it brings.
 */
export function fractionSession(ctx: SessionContext): AuthSession {
  const { http, clock } = ctx
  const label = ctx.connection.label
  let token: { value: string; refreshAt: number; expiresAt: number } | undefined
  let inFlight: Promise<string> | undefined
  let refused: unknown

  const bearer = (value: string) => ({ Authorization: `Bearer ${value}` })

  /** U7: the token's life on the vendor's clock (its Date header), placed on ours. */
  function accept(res: VendorResponse): string {
    const session = frSession.safeParse((res.json as { data?: unknown } | undefined)?.data)
    if (!session.success)
      throw new VendorError({ kind: 'malformed', message: 'the login answer carries no token' })
    const vendorNow = Date.parse(res.headers.get('date') ?? '')
    // Both instants are whole seconds: the life is taken a second shorter so rounding never outlives the token.
    const life =
      Date.parse(session.data.expires_at) - (Number.isNaN(vendorNow) ? Date.now() : vendorNow) - SECOND
    const margin = Math.min(REFRESH_MAX_MS, Math.max(0, life) * REFRESH_SHARE)
    token = {
      value: session.data.access_token,
      refreshAt: clock.now() + life - margin,
      expiresAt: clock.now() + life
    }
    return token.value
  }

  async function login(): Promise<string> {
    const stored = await ctx.login()
    if (!stored)
      throw new VendorError({
        kind: 'unauthorized',
        message: 'no login stored',
        advice: `No password is stored for "${label}" — enter it in Connections → ${label}.`
      })
    try {
      // The only request that carries the password.
      const res = await http.request('POST', '/auth/login', {
        auth: false,
        body: JSON.stringify({ email: stored.email, password: stored.password })
      })
      return accept(res)
    } catch (err) {
      const e = accountRefusal(err, label)
      if (e instanceof VendorError && e.code === 'INVALID_CREDENTIALS') refused = e
      throw e
    }
  }

  /**
   * A refresh waits for its slot like any request; a token that expired during
   * that wait is never sent (it would cost a 401 and then the login anyway):
   * the session logs in instead.
   */
  async function refresh(current: { value: string; expiresAt: number }): Promise<string> {
    try {
      return accept(
        await http.request('POST', '/auth/refresh', {
          auth: false,
          headers: bearer(current.value),
          beforeSend: () => {
            if (clock.now() >= current.expiresAt) throw new TokenExpired()
          }
        })
      )
    } catch (err) {
      if (err instanceof TokenExpired) return login()
      if (err instanceof VendorError && err.kind === 'unauthorized') return login()
      throw accountRefusal(err, label)
    }
  }

  const once = (make: () => Promise<string>): Promise<string> =>
    (inFlight ??= make().finally(() => {
      inFlight = undefined
    }))

  async function current(): Promise<string> {
    if (refused) throw refused
    if (inFlight) return inFlight
    if (!token) return once(login)
    const live = token
    if (clock.now() >= live.expiresAt) return once(login)
    if (clock.now() >= live.refreshAt) return once(() => refresh(live))
    return live.value
  }

  return {
    headers: async () => bearer(await current()),
    async renew(sent) {
      if (refused) throw refused
      if (inFlight) await inFlight
      // Someone already replaced the token this request carried: just use the new one.
      else if (token && sent.Authorization === bearer(token.value).Authorization) {
        token = undefined
        await once(login)
      } else if (!token) await once(login)
      return true
    }
  }
}
