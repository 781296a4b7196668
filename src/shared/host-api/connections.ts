import { z } from 'zod'
import { capability, vendorId } from '../model/vendor'

export const connectionStatus = z.enum(['new', 'ok', 'paused', 'error'])

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

export const connectionsCalls = {
  'connections:list': { request: z.object({}).strict(), response: z.array(connectionInfo) },
  'connections:create': {
    request: z
      .object({
        vendor: vendorId,
        label: z.string().trim().min(1, 'Give the connection a name').max(80),
        baseUrl,
        /** Crosses the boundary once, into main's secret store; never sent back. */
        apiKey: z.string().trim().min(1, 'Enter the API key').max(4096),
        requestsPerMinute: z.number().int().min(1).max(1_000_000).optional()
      })
      .strict(),
    response: connectionInfo
  },
  'connections:updateSecret': {
    request: z.object({ id: z.string().min(1), apiKey: z.string().trim().min(1).max(4096) }).strict(),
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
