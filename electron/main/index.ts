// The Electron main process: the window, its security settings and the IPC registration.
// Everything it does beyond that lives in modules that run in plain Node (handlers, net, cli).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, protocol, session, shell } from 'electron';
import { createHandlers } from '../handlers';
import { readStatic } from '../ui-server/static-files';
import { registerIpc } from './ipc';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '../renderer');
const devServer = process.env.ELECTRON_RENDERER_URL;

// The wizard is served from its own origin, app://trunkcheck/, not from file:// (Electron's
// security checklist, item 18): a file:// page shares an origin with every local file.
const APP_SCHEME = 'app';
const APP_ORIGIN = `${APP_SCHEME}://trunkcheck`;
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function isAppUrl(url: string): boolean {
  if (devServer !== undefined && !app.isPackaged) return url.startsWith(devServer);
  return url.startsWith(`${APP_ORIGIN}/`);
}

// Files below out/renderer only, with the same traversal and symlink guard as browser mode.
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.origin === APP_ORIGIN ? await readStatic(rendererRoot, url.pathname) : undefined;
    if (file === undefined) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { 'Content-Type': file.type } });
  });
}

// Only a well-formed https:// address without credentials goes to the system browser: never
// file:, smb:, ms-settings: or a custom protocol handler (Electron checklist: openExternal).
function externalLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
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
      // Middle-click would open a link in a new window past setWindowOpenHandler's intent (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // No pop-ups and no navigation away from the wizard; web links open in the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    const external = externalLink(url);
    if (external !== undefined) void shell.openExternal(external);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  return window;
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Whatever contents may ever exist besides the wizard window: no pop-ups, no navigation.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
});

void app.whenReady().then(async () => {
  // The wizard needs no camera, microphone, notifications or anything else a page may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer();
  const window = createWindow();
  const unregister = registerIpc(createHandlers({ mode: 'electron' }), window, isAppUrl);
  window.on('closed', unregister);
  if (devServer !== undefined && !app.isPackaged) await window.loadURL(devServer);
  else await window.loadURL(`${APP_ORIGIN}/index.html`);
});

app.on('window-all-closed', () => app.quit());
