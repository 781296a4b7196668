/**
 * The IPC channel names, repeated from shared/host-api/wire.ts on purpose:
 * wire.ts also defines zod schemas, and a sandboxed preload cannot require
 * zod. channels.test.ts keeps the two in step.
 */
export const IPC_CHANNELS = { call: 'stockroom:call', event: 'stockroom:event' } as const
