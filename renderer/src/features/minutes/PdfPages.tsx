import { useEffect, useRef, useState } from 'react';
import { Alert, Box, CircularProgress } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { A4_CSS_WIDTH, drawPage, openPdf } from './pdf-pages';

interface PdfPagesProps {
  data: Uint8Array;
  /** 1 = 100 %. */
  zoom: number;
}

/**
 * The pages of a PDF, drawn one under the other like sheets on a desk. Mount it with a new `key`
 * for new bytes: its state belongs to one document.
 */
export function PdfPages({ data, zoom }: PdfPagesProps) {
  const { t } = useTranslation();
  const [document, setDocument] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    openPdf(data)
      .then((loaded) => {
        opened = loaded;
        if (cancelled) void loaded.destroy();
        else setDocument(loaded);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [data]);

  useEffect(() => {
    if (!document) return undefined;
    let cancelled = false;
    const drawing: { cancel: (() => void) | null } = { cancel: null };
    void (async () => {
      for (let page = 1; page <= document.numPages && !cancelled; page += 1) {
        const canvas = canvases.current[page - 1];
        if (!canvas) continue;
        try {
          await drawPage(document, page, canvas, Math.round(A4_CSS_WIDTH * zoom), (cancel) => {
            drawing.cancel = cancel;
          });
          canvas.dataset.drawn = 'true';
        } catch {
          // A drawing cancelled for the next one (zoom, new document) is not a failure.
          if (!cancelled) setFailed(true);
        }
      }
    })();
    return () => {
      cancelled = true;
      // pdf.js refuses two drawings on one canvas at a time: stop this one first.
      drawing.cancel?.();
    };
  }, [document, zoom]);

  if (failed) return <Alert severity="error">{t('minutes.previewFailed')}</Alert>;
  if (!document) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', p: 6 }}>
        <CircularProgress aria-label={t('minutes.previewLoading')} />
      </Box>
    );
  }
  const count = document.numPages;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 3, py: 3 }}>
      {Array.from({ length: count }, (_, index) => (
        <Box
          key={index}
          component="canvas"
          ref={(element: HTMLCanvasElement | null) => {
            canvases.current[index] = element;
          }}
          role="img"
          aria-label={t('minutes.pageLabel', { page: index + 1, count })}
          data-page={index + 1}
          sx={{
            bgcolor: '#fff',
            boxShadow: '0 1px 3px rgba(0,0,0,0.25), 0 4px 12px rgba(0,0,0,0.12)',
            width: Math.round(A4_CSS_WIDTH * zoom),
            aspectRatio: '210 / 297',
          }}
        />
      ))}
    </Box>
  );
}
