/**
 * The application menu and its keyboard shortcuts. Items that act on the UI
 * send a `menu` event ({ command }) on the API event channel; the renderer
 * listens with `sanad.on('menu', …)`. The template is built by a pure
 * function so a test pins every accelerator.
 */
import type { MenuItemConstructorOptions } from 'electron';

import { MENU_COMMANDS, type MenuCommand } from '../src/api/contract.ts';

export { MENU_COMMANDS, type MenuCommand };
/** Payload of the `menu` event. */
export interface MenuEventPayload {
  command: MenuCommand;
}
export const MENU_EVENT = 'menu';

export interface MenuActions {
  /** Sends a command to the focused app window. */
  send: (command: MenuCommand) => void;
  /** Native text undo in the focused window (a no-op when no text field has focus). */
  nativeUndo: () => void;
}

export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions, options: { devTools?: boolean } = {}): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.send(command);
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { id: 'build', label: 'Build bundle', accelerator: 'CmdOrCtrl+B', click: send('build') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        {
          id: 'undo',
          label: 'Undo',
          accelerator: 'CmdOrCtrl+Z',
          // Text fields undo natively; the renderer undoes the last delete when no text field has focus.
          click: () => {
            actions.nativeUndo();
            actions.send('undo');
          },
        },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { id: 'find', label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { id: 'view.library', label: 'Library', accelerator: 'CmdOrCtrl+1', click: send('view.library') },
        { id: 'view.excerpts', label: 'Excerpts', accelerator: 'CmdOrCtrl+2', click: send('view.excerpts') },
        { id: 'view.cases', label: 'Cases', accelerator: 'CmdOrCtrl+3', click: send('view.cases') },
        { id: 'view.tags', label: 'Tags', accelerator: 'CmdOrCtrl+4', click: send('view.tags') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
    isMac ? { role: 'windowMenu' } : { label: '&Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  );
  return template;
}
