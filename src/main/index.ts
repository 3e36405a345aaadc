import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, safeStorage, session as electronSession } from 'electron'
import { startAgentsPush } from './app/agents-push'
import { AppSession } from './app/app-session'
import { createSessionDispatcher } from './app/control-handlers'
import type { AgentInfo } from '@shared/api'
import { startIpcHost } from './host/ipc-host'
import { safeStorageSecretStore } from './host/safe-storage-secret-store'
import { hardenSession, hardenWindow } from './host/window-security'
import { logger } from './log/logger'
import { serveAppMetrics } from './metrics/serve-runtime-metrics'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const devServerUrl = process.env.ELECTRON_RENDERER_URL

/** Our own page: the built file, or electron-vite's dev server in development. */
function isAppUrl(url: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl)
  return url.split(/[?#]/)[0] === pathToFileURL(rendererFile).href
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Switchyard',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  })
  hardenWindow(window, isAppUrl)
  window.once('ready-to-show', () => window.show())
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(rendererFile)
  return window
}

async function main(): Promise<void> {
  await app.whenReady()
  hardenSession(electronSession.defaultSession)
  const session = new AppSession({ dataDir: app.getPath('userData'), secrets: safeStorageSecretStore(safeStorage) })
  const dispatch = createSessionDispatcher(session)
  const stopIpc = startIpcHost({ ipcMain, dispatch, bus: session.bus, isAppUrl })
  const stopAgentsPush = startAgentsPush(session.bus, async () => {
    const result = await dispatch('agents.list', {})
    if (!result.ok) throw new Error(result.error.message)
    return result.value as AgentInfo[]
  })
  createWindow()
  const metrics = serveAppMetrics(() => session.runtime())
  // A bad setting (e.g. REDIS_URL) must reach the operator, not vanish as an unhandled rejection.
  session.start().catch((error: unknown) => logger('app').error({ err: error }, `Switchyard: ${error instanceof Error ? error.message : String(error)}`))

  app.on('window-all-closed', () => app.quit())
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    // Stop agents and the embedded redis-server before the process goes.
    event.preventDefault()
    quitting = true
    stopAgentsPush()
    stopIpc()
    void metrics
      .then((server) => server?.close())
      .then(() => session.close())
      .finally(() => app.quit())
  })
}

void main()
