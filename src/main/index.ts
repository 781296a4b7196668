import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray
} from 'electron'
import { createElectronPlatform } from './platform/electron-platform'
import { wasStartedAtLogin } from './platform/login-items'
import { createMainServices } from './services'
import { APP_SCHEME_PRIVILEGES, setupAppProtocol } from './window/app-protocol'
import { resolveAppUrl } from './window/app-url'
import { assets } from './window/assets'
import { createCloseToTrayPolicy, setupCloseToTray } from './window/close-to-tray'
import { setupIpc } from './window/ipc'
import { mainWindowOptions, showWindow } from './window/main-window'
import {
  contentSecurityPolicyFor,
  guardWebContents,
  setupSessionSecurity,
  shouldOpenExternally
} from './window/security'
import { claimSingleInstance } from './window/single-instance'
import { createTrayStatus, setupTray } from './window/tray'
import { consoleLog, verboseAsked } from './console-log'

// The composition root: the only file that touches Electron's modules. Every
// module it wires receives what it needs, so each is tested with plain fakes.

const APP_ID = 'com.stockroom.app'
const appUrl = resolveAppUrl(process.env.ELECTRON_RENDERER_URL)
// Quiet unless `--verbose`: errors and each connection's first sync (see console-log.ts).
const log = consoleLog({ verbose: verboseAsked(process.argv, process.env) })
const openExternal = (url: string) => {
  if (shouldOpenExternally(url))
    shell.openExternal(url).catch((err: Error) => log(`could not open ${url}: ${err.message}`))
}

let mainWindow: BrowserWindow | null = null
const closePolicy = createCloseToTrayPolicy()

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()

if (!claimSingleInstance(app, () => showWindow(mainWindow))) {
  app.quit()
} else {
  main().catch((err: unknown) => {
    log(`failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    // Started from a shortcut there is no console: say it where a person sees it.
    dialog.showErrorBox('Stockroom could not start', err instanceof Error ? err.message : String(err))
    app.exit(1)
  })
}

async function main() {
  await app.whenReady()
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

  const csp = contentSecurityPolicyFor(appUrl)
  setupAppProtocol(protocol, join(__dirname, '..', 'renderer'), csp)
  setupSessionSecurity(session.defaultSession, appUrl)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { appUrl, openExternal }))

  const trayStatus = createTrayStatus()
  const dataDir = app.getPath('userData')
  const platform = createElectronPlatform({
    userData: dataDir,
    safeStorage,
    Notification,
    net,
    powerMonitor,
    shell,
    setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    packaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    execPath: process.execPath,
    status: trayStatus,
    icon: assets.appIcon,
    onNotificationClick: () => showWindow(mainWindow),
    log
  })
  const services = await createMainServices({ dataDir, platform, version: app.getVersion(), log, demo: true })

  const disposeIpc = setupIpc({
    ipcMain,
    dispatch: services.dispatch,
    events: services.events,
    window: () => mainWindow,
    appUrl,
    log
  })

  const window = new BrowserWindow(
    mainWindowOptions({ preload: join(__dirname, '..', 'preload', 'index.js'), icon: assets.appIcon })
  )
  mainWindow = window
  setupCloseToTray(closePolicy, { app, window })
  const startHidden = wasStartedAtLogin(
    process.argv,
    () => process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
  )
  window.once('ready-to-show', () => {
    if (!startHidden) window.show()
  })
  window.webContents.on('render-process-gone', (_event, details) => {
    // Scans and queued writes are already in IndexedDB; reloading brings the page back with them.
    log(`the window's page stopped (${details.reason})`)
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) window.reload()
  })
  window.loadURL(appUrl).catch((err: Error) => log(`could not load ${appUrl}: ${err.message}`))

  const tray = setupTray({
    tray: new Tray(nativeImage.createFromPath(assets.trayIcon)),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    status: trayStatus,
    actions: {
      open: () => showWindow(mainWindow),
      openLowStock: () => {
        showWindow(mainWindow)
        services.events.emit('notices:clicked', { target: { kind: 'low-stock' } })
      },
      syncNow: () => services.requestSync('tray'),
      quit: () => {
        closePolicy.markQuitting()
        app.quit()
      }
    }
  })
  app.on('activate', () => showWindow(mainWindow))

  app.on('will-quit', () => {
    disposeIpc()
    tray.destroy()
    void services.dispose()
  })

  // The saved choice wins over whatever the OS remembers (e.g. after a reinstall).
  if (platform.loginItems.supported) {
    const { openAtLogin } = await services.settings.read()
    try {
      platform.loginItems.set(openAtLogin)
    } catch (err) {
      log(`could not apply start-at-login: ${(err as Error).message}`)
    }
  }
}
