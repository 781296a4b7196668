/**
 * Transport names, kept free of imports so the sandboxed preload (which can
 * load nothing but 'electron') can use them too.
 */
export const WS_PATH = '/host'
/** Channel names of the Electron IPC transport. */
export const IPC_CALL = 'stockroom:call'
export const IPC_EVENT = 'stockroom:event'
/** The meta tag of the served page that carries the web host's launch secret. */
export const LAUNCH_META = 'stockroom-launch'
/** The query parameter the page presents the launch secret in when it opens the socket. */
export const LAUNCH_PARAM = 'launch'
