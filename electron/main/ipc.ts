// Registers the IPC contract's handlers with Electron. Every call is checked to come from the
// app's own window and its own page, then goes through dispatch() (validation, typed errors).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, EVENTS } from '../../shared/ipc-contract';
import { fail } from '../../shared/result';
import { dispatch, type Handlers } from '../handlers';

export function registerIpc(handlers: Handlers, window: BrowserWindow, isAppUrl: (url: string) => boolean): () => void {
  const channels = Object.values(API_METHODS);
  const trusted = (event: IpcMainInvokeEvent): boolean =>
    event.sender === window.webContents && event.senderFrame !== null && isAppUrl(event.senderFrame.url);

  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!trusted(event)) return fail('ipc/forbidden');
      return dispatch(handlers, channel, input, {
        progress: (progress) => {
          if (!window.isDestroyed()) window.webContents.send(EVENTS.progress, progress);
        },
        monitorEvent: (event) => {
          if (!window.isDestroyed()) window.webContents.send(EVENTS.monitor, event);
        },
      });
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
