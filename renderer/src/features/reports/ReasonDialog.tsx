import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** Asked before an amendment of a finalised report is saved: why it changes (kept with it). */
export function ReasonDialog({ onConfirm, onCancel }: { onConfirm(reason: string): void; onCancel(): void }) {
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
        <DialogTitle id={titleId}>{t('reports.amend.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('reports.amend.help')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label={t('reports.amend.reason')}
            value={reason}
            required
            error={error}
            helperText={error ? t('reports.amend.reasonRequired') : ' '}
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
            {t('reports.amend.save')} (Enter)
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
