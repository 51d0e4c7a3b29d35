import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField';

/** Plans a re-inspection (tái kiểm tra) of a finalised inspection. */
export function ReinspectDialog({ onConfirm, onCancel }: { onConfirm(date: string | null): void; onCancel(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [date, setDate] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(date);
  };
  return (
    <Dialog open onClose={onCancel} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('inspections.editor.reinspectTitle')}</DialogTitle>
        <DialogContent>
          <DateField
            autoFocus
            label={t('inspections.editor.reinspectDate')}
            value={date}
            onChange={setDate}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{t('common.cancel')} (Esc)</Button>
          <Button type="submit" variant="contained">
            {t('inspections.editor.reinspect')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
