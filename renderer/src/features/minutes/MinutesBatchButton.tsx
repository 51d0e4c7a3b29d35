import { useState } from 'react';
import { Button } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import { MinutesBatchDialog } from './MinutesBatchDialog';

/** A plan's action: print the minutes of all its recorded inspections at once. */
export function MinutesBatchButton({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<PrintIcon />} onClick={() => setOpen(true)}>
        {t('minutes.batch.open')}
      </Button>
      {open && <MinutesBatchDialog planId={planId} onClose={() => setOpen(false)} />}
    </>
  );
}
