import { createContext, useContext } from 'react';
import type { Settings } from '../../../shared/domain/settings';

export interface SettingsValue {
  settings: Settings;
  /** Store what the core answered after a change (language is applied at once). */
  setSettings(next: Settings): void;
}

export const SettingsContext = createContext<SettingsValue | null>(null);

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsContext');
  return value;
}
