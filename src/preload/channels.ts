import { IPC_CALL, IPC_EVENT } from '../shared/host-api/channels'

/** The IPC channel names, from the import-free shared module the sandboxed preload can bundle. */
export const IPC_CHANNELS = { call: IPC_CALL, event: IPC_EVENT } as const
