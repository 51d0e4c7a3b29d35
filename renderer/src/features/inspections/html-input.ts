import type { TextFieldProps } from '@mui/material';

/** The caller's attributes for the <input> (aria-label…), so a field can add its own to them. */
export function htmlInputOf(slotProps: TextFieldProps['slotProps']): Record<string, unknown> {
  const htmlInput = slotProps?.htmlInput;
  return htmlInput && typeof htmlInput === 'object' ? (htmlInput as Record<string, unknown>) : {};
}
