import { Box, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MIN_BACKUP_PASSWORD } from '../../../../shared/domain/backup';

export interface NewPassword {
  enabled: boolean;
  password: string;
  again: string;
}

export const NO_PASSWORD: NewPassword = { enabled: false, password: '', again: '' };

/** Why the password cannot be used yet (too short, typed differently twice), or null. */
export function newPasswordProblem(t: TFunction, value: NewPassword): string | null {
  if (!value.enabled) return null;
  if (value.password.length < MIN_BACKUP_PASSWORD) return t('backup.passwordTooShort');
  if (value.password !== value.again) return t('backup.now.passwordMismatch');
  return null;
}

interface NewPasswordFieldsProps {
  value: NewPassword;
  onChange(value: NewPassword): void;
  /** "Đặt mật khẩu cho …". */
  checkboxLabel: string;
  /** What the password is for, and that nobody can open the file without it. */
  help: string;
  disabled?: boolean;
  /** Show what is wrong (once the user tried to go on). */
  showErrors: boolean;
}

/**
 * An optional password for a file taken off this PC (a backup, a package): a checkbox, then
 * the password typed twice, at least MIN_BACKUP_PASSWORD characters.
 */
export function NewPasswordFields({
  value,
  onChange,
  checkboxLabel,
  help,
  disabled,
  showErrors,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const tooShort = showErrors && value.password.length < MIN_BACKUP_PASSWORD;
  const mismatch = showErrors && value.password !== value.again;
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={value.enabled}
            onChange={(event) => onChange({ ...value, enabled: event.target.checked })}
            disabled={disabled}
          />
        }
        label={checkboxLabel}
      />
      {value.enabled && (
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {help}
          </Typography>
          <TextField
            type="password"
            label={t('backup.now.password')}
            value={value.password}
            onChange={(event) => onChange({ ...value, password: event.target.value })}
            autoComplete="new-password"
            disabled={disabled}
            error={tooShort}
            helperText={tooShort ? t('backup.passwordTooShort') : null}
          />
          <TextField
            type="password"
            label={t('backup.now.passwordAgain')}
            value={value.again}
            onChange={(event) => onChange({ ...value, again: event.target.value })}
            autoComplete="new-password"
            disabled={disabled}
            error={mismatch}
            helperText={mismatch ? t('backup.now.passwordMismatch') : null}
          />
        </Stack>
      )}
    </Box>
  );
}
