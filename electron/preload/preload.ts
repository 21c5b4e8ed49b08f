// Sandboxed preload (bundled to CommonJS): exposes only the contract's channels as `window.margin`.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('margin', createBridge(ipcRenderer));
