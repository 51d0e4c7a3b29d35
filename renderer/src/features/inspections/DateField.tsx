import { useState, type KeyboardEvent } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate, parseTypedDate } from '../../../../shared/format/date';
import { htmlInputOf } from './html-input';

type DateFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'error'> & {
  value: string | null;
  onChange(value: string | null): void;
  /** An i18n key from the core (finalise checks), shown under the field. */
  errorKey?: string | undefined;
  readOnly?: boolean;
  /** Pass the value on only when the field is left or Enter is pressed (for a value saved at once). */
  commitOnly?: boolean;
};

/**
 * A date typed as the office writes it ("9/2/2020", "09.02.2020", "9-2-20"), stored as ISO.
 * The value is passed on as soon as the text is a real date, so autosave never waits for a
 * blur; an unfinished or impossible date is flagged when the field is left.
 */
export function DateField(props: DateFieldProps) {
  const { value, onChange, errorKey, readOnly = false, commitOnly = false, helperText, slotProps, ...rest } = props;
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDate(value));
  const [seenValue, setSeenValue] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // The value changed from outside (a reload, "start", an amendment cancelled): show it.
  if (value !== seenValue) {
    setSeenValue(value);
    if (parseTypedDate(text) !== value) setText(formatDate(value));
  }

  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setInvalid(false);
      if (value !== null) onChange(null);
      return;
    }
    const parsed = parseTypedDate(trimmed);
    setInvalid(parsed === null);
    if (parsed !== null) {
      setText(formatDate(parsed));
      if (parsed !== value) onChange(parsed);
    }
  };

  const message = invalid ? t('validation.date') : errorKey ? t(errorKey) : helperText;
  return (
    <TextField
      {...rest}
      value={text}
      placeholder="dd/mm/yyyy"
      error={invalid || Boolean(errorKey)}
      helperText={message}
      autoComplete="off"
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        if (commitOnly) return;
        const parsed = parseTypedDate(next);
        if (parsed !== null && parsed !== value) onChange(parsed);
        if (next.trim() === '' && value !== null) onChange(null);
      }}
      onBlur={commit}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key === 'Enter') commit();
      }}
      slotProps={{
        ...slotProps,
        htmlInput: { ...htmlInputOf(slotProps), readOnly, inputMode: 'numeric', maxLength: 10 },
      }}
    />
  );
}
