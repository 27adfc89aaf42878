// The preload: the only bridge between the sandboxed wizard and the main process. It exposes
// one function per action (shared/ipc.ts API_METHODS), never a generic send(channel, …).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, PROGRESS_EVENT, type ProgressEvent, type ProgressListener, type TrunkcheckApi } from '../../shared/ipc';

const api = {
  appInfo: () => ipcRenderer.invoke(API_METHODS.appInfo, null),
  listInterfaces: () => ipcRenderer.invoke(API_METHODS.listInterfaces, null),
  checkPublicAddress: (request) => ipcRenderer.invoke(API_METHODS.checkPublicAddress, request),
  diagnoseNat: (request) => ipcRenderer.invoke(API_METHODS.diagnoseNat, request),
  onProgress(listener: ProgressListener) {
    const wrapped = (_event: IpcRendererEvent, progress: ProgressEvent): void => listener(progress);
    ipcRenderer.on(PROGRESS_EVENT, wrapped);
    return () => {
      ipcRenderer.off(PROGRESS_EVENT, wrapped);
    };
  },
} satisfies TrunkcheckApi;

contextBridge.exposeInMainWorld('trunkcheck', api);
