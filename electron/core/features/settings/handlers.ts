import type { settingsEndpoints } from '../../../../shared/api/settings';
import type { HandlerMap } from '../../api/handler-map';
import type { SettingsService } from './settings-service';

export function settingsHandlers(settings: SettingsService): HandlerMap<typeof settingsEndpoints> {
  return {
    'settings.get': () => settings.get(),
    'settings.setupOffice': (setup) => settings.update(setup),
    'settings.update': (changes) => settings.update(changes),
  };
}
