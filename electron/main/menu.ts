import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain/settings';
import { translate } from '../../shared/i18n/translate';

/** The application menu, in the interface language (Vietnamese by default). */
export function buildMenu(language: Language, showAbout: () => void): void {
  const t = (key: string) => translate(language, `shell.menu.${key}`);
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('file'),
      submenu: [{ role: 'quit', label: t('quit'), accelerator: 'CmdOrCtrl+Q' }],
    },
    {
      label: t('edit'),
      submenu: [
        { role: 'undo', label: t('undo') },
        { role: 'redo', label: t('redo') },
        { type: 'separator' },
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { role: 'reload', label: t('reload') },
        { type: 'separator' },
        { role: 'zoomIn', label: t('zoomIn') },
        { role: 'zoomOut', label: t('zoomOut') },
        { role: 'resetZoom', label: t('resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('fullscreen') },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const, label: t('devTools') }]),
      ],
    },
    {
      label: t('help'),
      submenu: [{ label: t('about'), click: showAbout }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
