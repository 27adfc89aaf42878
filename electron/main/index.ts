// The Electron main process: the window, its security settings and the IPC registration.
// Everything it does beyond that lives in modules that run in plain Node (handlers, net, cli).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, session, shell } from 'electron';
import { createHandlers } from '../handlers';
import { registerIpc } from './ipc';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const devServer = process.env.ELECTRON_RENDERER_URL;

function isAppUrl(url: string): boolean {
  if (devServer !== undefined && !app.isPackaged) return url.startsWith(devServer);
  return url.startsWith(pathToFileURL(rendererIndex).href);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'TrunkCheck',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // No pop-ups and no navigation away from the wizard; web links open in the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  return window;
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  // The wizard needs no camera, microphone, notifications or anything else a page may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const window = createWindow();
  const unregister = registerIpc(createHandlers({ mode: 'electron' }), window, isAppUrl);
  window.on('closed', unregister);
  if (devServer !== undefined && !app.isPackaged) await window.loadURL(devServer);
  else await window.loadFile(rendererIndex);
});

app.on('window-all-closed', () => app.quit());
