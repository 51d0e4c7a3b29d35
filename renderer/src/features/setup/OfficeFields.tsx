import { Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { OfficeInputRaw } from '../../../../shared/domain/settings';

interface OfficeFieldsProps {
  value: OfficeInputRaw;
  errors: Partial<Record<keyof OfficeInputRaw, string>>;
  onChange(next: OfficeInputRaw): void;
  autoFocus?: boolean;
}

/** The office's identity: shared by the first-run screen and Settings. */
export function OfficeFields({ value, errors, onChange, autoFocus = false }: OfficeFieldsProps) {
  const { t } = useTranslation();
  const field = (key: keyof OfficeInputRaw, label: string, help: string, focus = false) => (
    <TextField
      label={label}
      required
      value={value[key]}
      autoFocus={focus}
      error={errors[key] !== undefined}
      helperText={errors[key] ? t(errors[key]) : help}
      onChange={(event) => onChange({ ...value, [key]: event.target.value })}
      slotProps={{ htmlInput: { maxLength: 200 } }}
    />
  );
  return (
    <Stack spacing={2}>
      {field('name', t('settings.officeName'), t('settings.officeNameHelp'), autoFocus)}
      {field('parentBody', t('settings.parentBody'), t('settings.parentBodyHelp'))}
      {field('placeName', t('settings.placeName'), t('settings.placeNameHelp'))}
    </Stack>
  );
}
