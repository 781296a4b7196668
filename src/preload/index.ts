import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'
import { IPC_CHANNELS } from './channels'

// Runs sandboxed: it may require only 'electron', so it imports nothing else at run time.
contextBridge.exposeInMainWorld('stockroom', createBridge(ipcRenderer, IPC_CHANNELS))
