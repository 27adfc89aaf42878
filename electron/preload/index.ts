// The preload: the only bridge between the sandboxed wizard and the main process. It exposes
// one function per action (shared/ipc-contract.ts API_METHODS), never a generic send(channel, …).
// It imports the contract alone: names and types, none of the validators, catalogs or exporters.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, EVENTS, type EventContract, type EventName, type ListenerOf, type TrunkcheckApi } from '../../shared/ipc-contract';

function subscribe<E extends EventName>(name: E, listener: ListenerOf<E>): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: EventContract[E]): void => listener(payload);
  ipcRenderer.on(name, wrapped);
  return () => {
    ipcRenderer.off(name, wrapped);
  };
}

const api = {
  appInfo: () => ipcRenderer.invoke(API_METHODS.appInfo, null),
  listInterfaces: () => ipcRenderer.invoke(API_METHODS.listInterfaces, null),
  checkPublicAddress: (request) => ipcRenderer.invoke(API_METHODS.checkPublicAddress, request),
  diagnoseNat: (request) => ipcRenderer.invoke(API_METHODS.diagnoseNat, request),
  cancelChecks: (request) => ipcRenderer.invoke(API_METHODS.cancelChecks, request),
  startMonitor: (request) => ipcRenderer.invoke(API_METHODS.startMonitor, request),
  stopMonitor: () => ipcRenderer.invoke(API_METHODS.stopMonitor, null),
  listProviders: () => ipcRenderer.invoke(API_METHODS.listProviders, null),
  saveProvider: (request) => ipcRenderer.invoke(API_METHODS.saveProvider, request),
  removeProvider: (request) => ipcRenderer.invoke(API_METHODS.removeProvider, request),
  buildChecklist: (request) => ipcRenderer.invoke(API_METHODS.buildChecklist, request),
  exportChecklist: (request) => ipcRenderer.invoke(API_METHODS.exportChecklist, request),
  saveToHistory: (request) => ipcRenderer.invoke(API_METHODS.saveToHistory, request),
  listHistory: (request) => ipcRenderer.invoke(API_METHODS.listHistory, request),
  listSites: () => ipcRenderer.invoke(API_METHODS.listSites, null),
  compareHistory: (request) => ipcRenderer.invoke(API_METHODS.compareHistory, request),
  onProgress: (listener) => subscribe(EVENTS.progress, listener),
  onMonitorEvent: (listener) => subscribe(EVENTS.monitor, listener),
} satisfies TrunkcheckApi;

contextBridge.exposeInMainWorld('trunkcheck', api);
