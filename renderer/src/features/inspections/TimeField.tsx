import { useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { htmlInputOf } from './html-input';

type TimeFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'error'> & {
  value: string;
  onChange(value: string): void;
  errorKey?: string | undefined;
  readOnly?: boolean;
};

/** "8:30", "08.30", "830", "8h30" → "08:30"; '' stays ''; anything else → null. */
export function parseTypedTime(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return '';
  const match = /^(\d{1,2})(?:\s*[:.h]\s*(\d{1,2})?)?$/.exec(trimmed) ?? /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A time of day typed hh:mm (24-hour), as written in the minutes ("vào hồi 08 giờ 30"). */
export function TimeField(props: TimeFieldProps) {
  const { value, onChange, errorKey, readOnly = false, helperText, slotProps, ...rest } = props;
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [seenValue, setSeenValue] = useState(value);
  const [invalid, setInvalid] = useState(false);
  if (value !== seenValue) {
    setSeenValue(value);
    if (parseTypedTime(text) !== value) setText(value);
  }
  const commit = () => {
    const parsed = parseTypedTime(text);
    setInvalid(parsed === null);
    if (parsed !== null) {
      setText(parsed);
      if (parsed !== value) onChange(parsed);
    }
  };
  const message = invalid ? t('inspections.validation.time') : errorKey ? t(errorKey) : helperText;
  return (
    <TextField
      {...rest}
      value={text}
      placeholder="hh:mm"
      error={invalid || Boolean(errorKey)}
      helperText={message}
      autoComplete="off"
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        // Pass on only complete times, so a half-typed "8:3" is never saved as 08:03.
        const parsed = /^\s*\d{1,2}\s*[:.h]\s*\d{2}\s*$|^\s*$/.test(next) ? parseTypedTime(next) : null;
        if (parsed !== null && parsed !== value) onChange(parsed);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      slotProps={{ ...slotProps, htmlInput: { ...htmlInputOf(slotProps), readOnly, maxLength: 8 } }}
    />
  );
}
