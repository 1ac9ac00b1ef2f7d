// The preload: the only bridge between the page and the main process. It exposes one named
// function per API operation and the few native functions, nothing raw (no ipcRenderer, no
// require), following Electron's context-isolation guidance.
import { contextBridge, ipcRenderer } from 'electron';
import { NATIVE_FUNCTIONS, OPERATION_NAME_LIST } from '../common/api/operation-names';

const api = Object.fromEntries(
  OPERATION_NAME_LIST.map((name) => [name, (input: unknown) => ipcRenderer.invoke('jianyi:api', name, input)]),
);
const native = Object.fromEntries(
  NATIVE_FUNCTIONS.map((name) => [name, (arg?: unknown) => ipcRenderer.invoke('jianyi:native', name, arg)]),
);

contextBridge.exposeInMainWorld('jianyi', Object.freeze(api));
contextBridge.exposeInMainWorld('jianyiNative', Object.freeze(native));
