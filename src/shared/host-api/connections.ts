import { z } from 'zod'
import { capability, vendorId, type VendorId } from '../model/vendor'
import { vendorProfiles } from '../vendors/profiles'

export const connectionStatus = z.enum(['new', 'ok', 'paused', 'error'])
export type ConnectionStatus = z.infer<typeof connectionStatus>

/** A connection as the renderer sees it: never the secret, only whether one is stored. */
export const connectionInfo = z.object({
  id: z.string(),
  vendor: vendorId,
  label: z.string(),
  baseUrl: z.string(),
  capabilities: z.array(capability),
  status: connectionStatus,
  statusMessage: z.string().optional(),
  demo: z.boolean(),
  hasSecret: z.boolean(),
  createdAt: z.string(),
  /** When the key (or login) was last set; a change of key lets refused resources be asked again. */
  secretSetAt: z.string().optional(),
  /**
   * The vendor's request limit for this account, where it differs from the
   * documented one (e.g. a plan with raised limits). Unset: the documented limit.
   */
  requestsPerMinute: z.number().int().min(1).max(1_000_000).optional()
})
export type ConnectionInfo = z.infer<typeof connectionInfo>

const baseUrl = z.url({
  protocol: /^https?$/,
  message: 'Enter the API address, starting with https:// or http://'
})

/** Crosses the boundary once, into main's secret store; never sent back, never logged. */
const apiKey = z.string().trim().min(1, 'Enter the API key').max(4096)

/**
 * For vendors whose profile says `credentials: 'login'`: crosses the boundary
 * once, into main's secret store; never sent back, never logged. The password
 * goes only to the vendor's login request.
 */
export const loginCredentials = z
  .object({
    email: z
      .string()
      .trim()
      .max(320)
      .pipe(z.email({ message: 'Enter the email address you log in with' })),
    // Not trimmed: spaces can be part of a password.
    password: z.string().min(1, 'Enter the password').max(4096)
  })
  .strict()
export type LoginCredentials = z.infer<typeof loginCredentials>

const wantsLogin = (r: { vendor: VendorId }) => vendorProfiles[r.vendor].credentials === 'login'
const knownVendor = (payload: { value: unknown }) =>
  vendorId.safeParse((payload.value as { vendor?: unknown } | null)?.vendor).success

export const connectionsCalls = {
  'connections:list': { request: z.object({}).strict(), response: z.array(connectionInfo) },
  'connections:create': {
    request: z
      .object({
        vendor: vendorId,
        label: z.string().trim().min(1, 'Give the connection a name').max(80),
        baseUrl,
        /** Vendors whose profile takes an API key. */
        apiKey: apiKey.optional(),
        /** Vendors whose profile takes a login. */
        login: loginCredentials.optional(),
        requestsPerMinute: z.number().int().min(1).max(1_000_000).optional()
      })
      .strict()
      // The vendor's profile decides what a person enters to connect. Checked even when other
      // fields are wrong too, so the form shows every missing field at once.
      .refine((r) => !wantsLogin(r) || r.login !== undefined, {
        path: ['login'],
        message: 'Enter the email and password you log in with',
        when: knownVendor
      })
      .refine((r) => wantsLogin(r) || r.apiKey !== undefined, {
        path: ['apiKey'],
        message: 'Enter the API key',
        when: knownVendor
      })
      .refine((r) => (wantsLogin(r) ? r.apiKey === undefined : r.login === undefined), {
        message: 'Send the credentials this system takes: a login or an API key, not the other',
        when: knownVendor
      }),
    response: connectionInfo
  },
  'connections:updateSecret': {
    request: z.union([
      z.object({ id: z.string().min(1), apiKey: z.string().trim().min(1).max(4096) }).strict(),
      z.object({ id: z.string().min(1), login: loginCredentials }).strict()
    ]),
    response: connectionInfo
  },
  'connections:remove': { request: z.object({ id: z.string().min(1) }).strict(), response: z.object({}) },
  /** A real authenticated request to the vendor: proves the address and the key. */
  'connections:test': {
    request: z.object({ id: z.string().min(1) }).strict(),
    response: z.object({ ok: z.boolean(), message: z.string() })
  }
} as const

export const connectionsEvents = {
  'connections:changed': z.object({ connections: z.array(connectionInfo) })
} as const
