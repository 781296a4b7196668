/**
 * Transport names, kept free of imports so the sandboxed preload (which can
 * load nothing but 'electron') can use them too.
 */
export const WS_PATH = '/host'
/** Channel names of the Electron IPC transport. */
export const IPC_CALL = 'stockroom:call'
export const IPC_EVENT = 'stockroom:event'
