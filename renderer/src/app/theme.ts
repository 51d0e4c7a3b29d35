import { createTheme } from '@mui/material/styles';
import { viVN, enUS } from '@mui/material/locale';
import type { Language } from '../../../shared/domain/settings';

/** A calm, dense theme for people who type all day; MUI's own strings in the same language. */
export function makeTheme(language: Language) {
  return createTheme(
    {
      palette: {
        primary: { main: '#1a4f8b' },
        secondary: { main: '#b71c1c' },
        background: { default: '#f4f6f9' },
      },
      typography: {
        fontFamily: 'Roboto, "Segoe UI", "Noto Sans", Arial, sans-serif',
        fontSize: 14,
        button: { textTransform: 'none', fontWeight: 500 },
      },
      shape: { borderRadius: 6 },
      components: {
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTooltip: { defaultProps: { arrow: true } },
      },
    },
    language === 'vi' ? viVN : enUS,
  );
}
