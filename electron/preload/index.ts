// The preload: the only bridge between the sandboxed wizard and the main process. It exposes
// one function per action (shared/ipc.ts API_METHODS), never a generic send(channel, …).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, MONITOR_EVENT, PROGRESS_EVENT, type MonitorListener, type ProgressEvent, type ProgressListener, type TrunkcheckApi } from '../../shared/ipc';
import type { MonitorEvent } from '../../shared/monitor';

const api = {
  appInfo: () => ipcRenderer.invoke(API_METHODS.appInfo, null),
  listInterfaces: () => ipcRenderer.invoke(API_METHODS.listInterfaces, null),
  checkPublicAddress: (request) => ipcRenderer.invoke(API_METHODS.checkPublicAddress, request),
  diagnoseNat: (request) => ipcRenderer.invoke(API_METHODS.diagnoseNat, request),
  cancelChecks: (request) => ipcRenderer.invoke(API_METHODS.cancelChecks, request),
  startMonitor: (request) => ipcRenderer.invoke(API_METHODS.startMonitor, request),
  stopMonitor: () => ipcRenderer.invoke(API_METHODS.stopMonitor, null),
  listProviders: () => ipcRenderer.invoke(API_METHODS.listProviders, null),
  buildChecklist: (request) => ipcRenderer.invoke(API_METHODS.buildChecklist, request),
  exportChecklist: (request) => ipcRenderer.invoke(API_METHODS.exportChecklist, request),
  saveToHistory: (request) => ipcRenderer.invoke(API_METHODS.saveToHistory, request),
  listHistory: (request) => ipcRenderer.invoke(API_METHODS.listHistory, request),
  onProgress(listener: ProgressListener) {
    const wrapped = (_event: IpcRendererEvent, progress: ProgressEvent): void => listener(progress);
    ipcRenderer.on(PROGRESS_EVENT, wrapped);
    return () => {
      ipcRenderer.off(PROGRESS_EVENT, wrapped);
    };
  },
  onMonitorEvent(listener: MonitorListener) {
    const wrapped = (_event: IpcRendererEvent, event: MonitorEvent): void => listener(event);
    ipcRenderer.on(MONITOR_EVENT, wrapped);
    return () => {
      ipcRenderer.off(MONITOR_EVENT, wrapped);
    };
  },
} satisfies TrunkcheckApi;

contextBridge.exposeInMainWorld('trunkcheck', api);
