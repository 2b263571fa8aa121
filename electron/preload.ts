/**
 * The preload of the main window. It runs sandboxed, where `require` knows
 * only 'electron' and a few built-ins, so it is bundled to one CommonJS file
 * (dist-electron/preload.cjs, by electron/vite.preload.config.ts) and imports
 * nothing that pulls in Node or zod. It exposes exactly `SanadApi`; dropped
 * files get their path from webUtils.getPathForFile (File.path is gone).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { SanadApi } from '../src/api/contract.ts';
import { createSanadBridge } from './bridge.ts';

const api: SanadApi = createSanadBridge(ipcRenderer, (file) => webUtils.getPathForFile(file));
contextBridge.exposeInMainWorld('sanad', api);
