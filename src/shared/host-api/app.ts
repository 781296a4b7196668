import { z } from 'zod'

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['desktop', 'web']),
  dataDir: z.string(),
  /** This PC's name (its host name): says on which PC a barcode link was made. */
  pcName: z.string().max(200)
})
export type AppInfo = z.infer<typeof appInfo>

export const appSettings = z.object({
  openAtLogin: z.boolean(),
  theme: z.enum(['light', 'dark', 'auto'])
})
export type AppSettings = z.infer<typeof appSettings>

export const appStatus = z.object({
  online: z.boolean(),
  pendingWrites: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  syncing: z.boolean(),
  /** Items at or below their minimum, across every connection (tray tooltip and menu). */
  lowItems: z.number().int().nonnegative()
})
export type AppStatus = z.infer<typeof appStatus>

/** Calls of the app domain: request and response schema per call. */
export const appCalls = {
  'app:info': { request: z.object({}).strict(), response: appInfo },
  'app:ping': {
    request: z.object({ echo: z.string().max(1000) }).strict(),
    response: z.object({ echo: z.string(), at: z.string() })
  },
  'app:getSettings': { request: z.object({}).strict(), response: appSettings },
  'app:setSettings': { request: appSettings.partial().strict(), response: appSettings },
  /** The renderer reports what only it knows (outbox size, sync state) for the tray tooltip. */
  'app:reportStatus': { request: appStatus.strict(), response: z.object({}) },
  'app:openExternal': {
    request: z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(),
    response: z.object({})
  }
} as const

export const appEvents = {
  /** Main's view of connectivity changed (OS online state, probes). */
  'app:online': z.object({ online: z.boolean() }),
  /** The tray's "Sync now" (or another main-side trigger) asks the renderer to sync. */
  'sync:requested': z.object({ reason: z.enum(['tray', 'schedule', 'reconnect', 'startup']) }),
  'app:settingsChanged': appSettings
} as const
