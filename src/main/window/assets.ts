/// <reference types="electron-vite/node" />
// Files under resources/ are electron-vite's public dir for main: `?asset`
// resolves them in place (out/main/../../resources), so electron-builder.yml
// ships these files next to out/. tray@2x.png is found by Electron by name.
import appIcon from '../../../resources/icon.png?asset'
import trayIcon from '../../../resources/tray.png?asset'

export const assets = { appIcon, trayIcon }
