import { useEffect, type Ref } from 'react';
import { Button, IconButton, Tooltip } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import PrintIcon from '@mui/icons-material/Print';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import DescriptionIcon from '@mui/icons-material/Description';

export type DocumentOutput = 'print' | 'pdf' | 'docx';

/** What the buttons say, already translated (each document words them its own way). */
export interface DocumentOutputTexts {
  print: string;
  printing: string;
  savePdf: string;
  exportWord: string;
  preparing: string;
  close: string;
}

/**
 * The three ways out of a document's preview (print, save the PDF, export to Word) and its close
 * button, for the minutes and the reports alike. Ctrl+P prints the document, not the app's page.
 */
export function DocumentOutputButtons({
  busy,
  texts,
  onRun,
  onClose,
  printRef,
}: {
  /** What is under way (any work disables the buttons), or null. */
  busy: string | null;
  texts: DocumentOutputTexts;
  onRun(output: DocumentOutput): void;
  onClose(): void;
  printRef?: Ref<HTMLButtonElement>;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        // The app's own page is not what should print: the document is.
        event.preventDefault();
        onRun('print');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onRun]);

  return (
    <>
      <Button
        variant="contained"
        ref={printRef}
        startIcon={<PrintIcon />}
        disabled={busy !== null}
        onClick={() => onRun('print')}
        aria-keyshortcuts="Control+P"
      >
        {busy === 'print' ? texts.printing : `${texts.print} (Ctrl+P)`}
      </Button>
      <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={busy !== null} onClick={() => onRun('pdf')}>
        {busy === 'pdf' ? texts.preparing : texts.savePdf}
      </Button>
      <Button variant="outlined" startIcon={<DescriptionIcon />} disabled={busy !== null} onClick={() => onRun('docx')}>
        {busy === 'docx' ? texts.preparing : texts.exportWord}
      </Button>
      <Tooltip describeChild title={`${texts.close} (Esc)`}>
        <IconButton aria-label={texts.close} onClick={onClose} disabled={busy !== null}>
          <CloseIcon />
        </IconButton>
      </Tooltip>
    </>
  );
}
