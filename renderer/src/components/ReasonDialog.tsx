import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** What the dialog says, already translated: each finalised record words it its own way. */
export interface ReasonTexts {
  title: string;
  help: string;
  label: string;
  required: string;
  confirm: string;
}

/**
 * Asked before a finalised record (minutes, a report) is changed: why (kept with the amendment).
 * Answers the reason in NFC with its spaces folded; fewer than 3 letters is refused.
 */
export function ReasonDialog({
  texts,
  onConfirm,
  onCancel,
}: {
  texts: ReasonTexts;
  onConfirm(reason: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = reason.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (cleaned.length < 3) {
      setError(true);
      return;
    }
    onConfirm(cleaned);
  };
  return (
    <Dialog open onClose={onCancel} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{texts.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{texts.help}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label={texts.label}
            value={reason}
            required
            error={error}
            helperText={error ? texts.required : ' '}
            onChange={(event) => {
              setReason(event.target.value);
              setError(false);
            }}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{t('common.cancel')} (Esc)</Button>
          <Button type="submit" variant="contained">
            {texts.confirm} (Enter)
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
