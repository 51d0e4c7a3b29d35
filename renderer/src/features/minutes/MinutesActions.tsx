import { useEffect, useState } from 'react';
import { Button } from '@mui/material';
import ArticleIcon from '@mui/icons-material/Article';
import { useTranslation } from 'react-i18next';
import { MinutesPreviewDialog } from './MinutesPreviewDialog';

interface MinutesActionsProps {
  inspectionId: string;
  /** Shown in the preview's title. */
  unitName: string;
}

/**
 * The minutes of one inspection, from its screen: opens the print preview (Ctrl+P), from which
 * the clerk prints, saves the PDF or exports to Word.
 */
export function MinutesActions({ inspectionId, unitName }: MinutesActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <Button startIcon={<ArticleIcon />} onClick={() => setOpen(true)} aria-keyshortcuts="Control+P">
        {t('minutes.preview')} (Ctrl+P)
      </Button>
      {open && <MinutesPreviewDialog inspectionId={inspectionId} unitName={unitName} onClose={() => setOpen(false)} />}
    </>
  );
}
