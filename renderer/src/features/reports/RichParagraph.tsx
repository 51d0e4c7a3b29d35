import { memo, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReportRun } from '../../../../shared/domain/report';
import { htmlToRuns, pastedLines, runsToHtml, sameRuns } from './rich-text';

interface RichParagraphProps {
  runs: ReportRun[];
  /** The accessible name: "Đoạn 12", "Đề mục 3". */
  label: string;
  variant: 'paragraph' | 1 | 2 | 3;
  readOnly: boolean;
  onChange(runs: ReportRun[]): void;
  /** A counted number was chosen (click, or Enter on it). */
  onCount(ref: string): void;
  /** Enter: a new paragraph after this one. */
  onEnter(): void;
  /** Pasted text of several lines: its first line went in here, these become paragraphs after. */
  onPasteLines(lines: string[]): void;
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void;
}

/**
 * One paragraph of the report, edited in place as it will print: bold (Ctrl+B) and italic
 * (Ctrl+I) by the browser's own editing, pasted text as plain text, Enter for a new paragraph.
 * Uncontrolled once mounted (React never rewrites what the clerk is typing in); a new text
 * from outside mounts it again (its key).
 */
function RichParagraphView({
  runs,
  label,
  variant,
  readOnly,
  onChange,
  onCount,
  onEnter,
  onPasteLines,
  onKeyDown,
}: RichParagraphProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const last = useRef(runs);

  useLayoutEffect(() => {
    if (element.current)
      element.current.innerHTML = runsToHtml(runs, (text) => t('reports.countLink', { count: text }));
    // Only once: afterwards the paragraph holds the clerk's own edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const read = () => {
    if (!element.current) return;
    const next = htmlToRuns(element.current);
    if (sameRuns(next, last.current)) return;
    last.current = next;
    onChange(next);
  };

  const count = (target: EventTarget | null): string | null => {
    const found = target instanceof Element ? target.closest<HTMLElement>('[data-ref]') : null;
    return found?.dataset.ref ?? null;
  };

  return (
    <Box
      ref={element}
      role="textbox"
      aria-multiline="false"
      aria-label={label}
      aria-readonly={readOnly}
      contentEditable={!readOnly}
      suppressContentEditableWarning
      spellCheck={false}
      onInput={read}
      onBlur={read}
      onPaste={(event) => {
        // Plain text only; a text of several paragraphs (from Word, an e-mail) stays several.
        event.preventDefault();
        const [first = '', ...rest] = pastedLines(event.clipboardData.getData('text/plain'));
        document.execCommand('insertText', false, first);
        if (rest.length > 0) {
          read();
          onPasteLines(rest);
        }
      }}
      onClick={(event) => {
        const ref = count(event.target);
        if (ref) {
          event.preventDefault();
          onCount(ref);
        }
      }}
      onKeyDown={(event) => {
        const ref = count(event.target);
        if (event.key === 'Enter' && ref) {
          event.preventDefault();
          onCount(ref);
          return;
        }
        if (event.key === 'Enter' && !readOnly) {
          event.preventDefault();
          read();
          onEnter();
          return;
        }
        onKeyDown?.(event);
      }}
      sx={{
        fontFamily: '"Times New Roman", Tinos, serif',
        fontSize: 17,
        lineHeight: 1.45,
        textAlign: variant === 'paragraph' ? 'justify' : 'left',
        textIndent: '1.27cm',
        fontWeight: variant === 'paragraph' ? 400 : 700,
        fontStyle: variant === 3 ? 'italic' : 'normal',
        px: 1,
        py: 0.5,
        borderRadius: 1,
        outline: 'none',
        minHeight: '1.5em',
        whiteSpace: 'pre-wrap',
        '&:hover': readOnly ? undefined : { bgcolor: 'action.hover' },
        '&:focus-within': {
          bgcolor: readOnly ? undefined : 'rgba(25, 118, 210, 0.06)',
          boxShadow: readOnly ? undefined : 'inset 0 0 0 1px rgba(25, 118, 210, 0.5)',
        },
        '& .count': {
          color: 'primary.main',
          textDecoration: 'underline',
          textDecorationStyle: 'dotted',
          cursor: 'pointer',
          borderRadius: 0.5,
          px: '1px',
        },
        '& .count:hover, & .count:focus': { bgcolor: 'rgba(25, 118, 210, 0.12)', outline: 'none' },
      }}
    />
  );
}

/** Its text is the browser's once mounted, and its handlers are stable: only these can change it. */
export const RichParagraph = memo(
  RichParagraphView,
  (before, after) =>
    before.label === after.label && before.readOnly === after.readOnly && before.variant === after.variant,
);
