import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { Box, InputBase, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CriterionGroup } from '../../../../shared/domain/checklist';
import { RESULT_VALUES, type CriterionResult, type ResultValue } from '../../../../shared/domain/inspection';

interface CriteriaListProps {
  groups: CriterionGroup[];
  results: Map<string, CriterionResult>;
  readOnly: boolean;
  /** Field errors from the finalise check, keyed "results.<criterionId>". */
  errors: Record<string, string>;
  onResult(criterionId: string, result: ResultValue | null): void;
  onNote(criterionId: string, note: string): void;
  /** A key pressed on a locked record: the editor asks for an amendment reason. */
  onLockedAttempt(): void;
}

const KEY_RESULT: Record<string, ResultValue | null> = { '1': 'pass', '2': 'fail', '3': 'na', '0': null };
const COLORS: Record<ResultValue, string> = { pass: '#2e7d32', fail: '#c62828', na: '#616161' };

/**
 * The criteria as the clerk works through them, keyboard only: ↑/↓ (or Tab) move between
 * criteria, 1 Đạt / 2 Chưa đạt / 3 Không áp dụng / 0 clear. After 1 or 3 the next criterion
 * gets focus; after 2 the note does (a failed criterion usually needs one). Typing any other
 * character, or Enter, goes to the note; Enter in a note moves on, Esc returns to the result.
 * Each criterion is a radio group named "Kết quả: <criterion>" for screen readers and tests.
 */
export function CriteriaList(props: CriteriaListProps) {
  const { groups, results, readOnly, errors, onResult, onNote, onLockedAttempt } = props;
  const { t } = useTranslation();
  const order = groups.flatMap((group) => group.criteria.map((criterion) => criterion.id));
  const container = useRef<HTMLDivElement>(null);
  // Rows and notes are found in the DOM when a key handler runs (never during render).
  const element = (id: string, part: 'row' | 'note') =>
    container.current?.querySelector<HTMLElement>(`[data-${part}="${CSS.escape(id)}"]`) ?? null;
  // Refs keep the key handlers stable, so typing in one row does not re-render the others.
  const orderRef = useRef(order);
  const resultsRef = useRef(results);
  useEffect(() => {
    orderRef.current = order;
    resultsRef.current = results;
  });

  const focusRow = useCallback((index: number) => {
    const list = orderRef.current;
    const id = list[Math.max(0, Math.min(list.length - 1, index))];
    if (id) element(id, 'row')?.focus();
  }, []);
  const focusNote = useCallback((id: string) => element(id, 'note')?.focus(), []);

  const rowKeyDown = useCallback(
    (id: string, event: KeyboardEvent<HTMLElement>) => {
      const index = orderRef.current.indexOf(id);
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const key = event.key;
      if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End') {
        event.preventDefault();
        focusRow(key === 'ArrowDown' ? index + 1 : key === 'ArrowUp' ? index - 1 : key === 'Home' ? 0 : Infinity);
        return;
      }
      if (key in KEY_RESULT || key === 'Backspace' || key === 'Delete' || key === 'ArrowLeft' || key === 'ArrowRight') {
        event.preventDefault();
        if (readOnly) return onLockedAttempt();
        if (key === 'ArrowLeft' || key === 'ArrowRight') {
          const current = resultsRef.current.get(id)?.result ?? null;
          const count = RESULT_VALUES.length;
          const position = current === null ? (key === 'ArrowRight' ? -1 : count) : RESULT_VALUES.indexOf(current);
          onResult(id, RESULT_VALUES[(position + (key === 'ArrowRight' ? 1 : count - 1)) % count] ?? 'pass');
          return;
        }
        const value = KEY_RESULT[key] ?? null;
        onResult(id, value);
        if (value === 'fail') focusNote(id);
        else if (value !== null) focusRow(index + 1);
        return;
      }
      if (key === 'Enter' || (key.length === 1 && key !== ' ')) {
        if (readOnly && key !== 'Enter') {
          event.preventDefault();
          return onLockedAttempt();
        }
        // Moving focus now lets the typed character land in the note.
        if (key === 'Enter') event.preventDefault();
        focusNote(id);
      }
    },
    [focusNote, focusRow, onLockedAttempt, onResult, readOnly],
  );

  const noteKeyDown = useCallback(
    (id: string, event: KeyboardEvent<HTMLInputElement>) => {
      const index = orderRef.current.indexOf(id);
      if (event.key === 'Enter' && !event.ctrlKey && !event.nativeEvent.isComposing) {
        event.preventDefault();
        focusRow(index + 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        element(id, 'row')?.focus();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        focusRow(event.key === 'ArrowDown' ? index + 1 : index - 1);
      } else if (readOnly && event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        onLockedAttempt();
      }
    },
    [focusRow, onLockedAttempt, readOnly],
  );

  const firstNumber = groups.map((_, index) =>
    groups.slice(0, index).reduce((sum, group) => sum + group.criteria.length, 1),
  );
  return (
    <Box ref={container}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('inspections.editor.keysHelp')}
      </Typography>
      {groups.map((group, groupIndex) => (
        <Box key={group.id} component="section" aria-label={group.title} sx={{ mb: 1.5 }}>
          <Typography
            component="h3"
            sx={{ fontWeight: 700, fontSize: 14, py: 0.75, px: 1, bgcolor: 'grey.100', borderRadius: 1 }}
          >
            {groupIndex + 1}. {group.title}
          </Typography>
          {group.criteria.map((criterion, index) => {
            return (
              <CriterionRow
                key={criterion.id}
                id={criterion.id}
                number={(firstNumber[groupIndex] ?? 1) + index}
                text={criterion.text}
                value={results.get(criterion.id) ?? null}
                readOnly={readOnly}
                error={errors[`results.${criterion.id}`]}
                onRowKeyDown={rowKeyDown}
                onNoteKeyDown={noteKeyDown}
                onResult={onResult}
                onNote={onNote}
                onLockedAttempt={onLockedAttempt}
              />
            );
          })}
        </Box>
      ))}
    </Box>
  );
}

interface CriterionRowProps {
  id: string;
  number: number;
  text: string;
  value: CriterionResult | null;
  readOnly: boolean;
  error: string | undefined;
  onRowKeyDown(id: string, event: KeyboardEvent<HTMLElement>): void;
  onNoteKeyDown(id: string, event: KeyboardEvent<HTMLInputElement>): void;
  onResult(id: string, result: ResultValue | null): void;
  onNote(id: string, note: string): void;
  onLockedAttempt(): void;
}

const CriterionRow = memo(function CriterionRow(props: CriterionRowProps) {
  const { id, number, text, value, readOnly, error } = props;
  const { t } = useTranslation();
  const result = value?.result ?? null;
  const errorId = `criterion-error-${id}`;
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '36px minmax(240px, 1fr) 300px minmax(200px, 0.8fr)',
        alignItems: 'center',
        gap: 1,
        px: 1,
        py: 0.5,
        borderBottom: 1,
        borderColor: 'divider',
        '&:focus-within': { bgcolor: 'rgba(26, 79, 139, 0.06)' },
      }}
    >
      <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'right' }}>
        {number}.
      </Typography>
      <Box>
        <Typography variant="body2">{text}</Typography>
        {error && (
          <Typography id={errorId} variant="caption" color="error">
            {t(error)}
          </Typography>
        )}
      </Box>
      <Box
        data-row={id}
        role="radiogroup"
        tabIndex={0}
        aria-label={t('inspections.editor.resultGroup', { criterion: text })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-readonly={readOnly || undefined}
        onKeyDown={(event) => props.onRowKeyDown(id, event)}
        sx={{
          display: 'flex',
          gap: 0.5,
          p: 0.25,
          borderRadius: 1,
          outline: error ? '2px solid #c62828' : 'none',
          '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
        }}
      >
        {RESULT_VALUES.map((option) => {
          const checked = result === option;
          return (
            <Box
              key={option}
              role="radio"
              aria-checked={checked}
              aria-disabled={readOnly || undefined}
              onClick={() => (readOnly ? props.onLockedAttempt() : props.onResult(id, checked ? null : option))}
              sx={{
                flex: option === 'na' ? '1.4 1 0' : '1 1 0',
                textAlign: 'center',
                fontSize: 13,
                py: 0.5,
                borderRadius: 1,
                cursor: readOnly ? 'default' : 'pointer',
                userSelect: 'none',
                border: 1,
                borderColor: checked ? COLORS[option] : 'divider',
                bgcolor: checked ? COLORS[option] : 'transparent',
                color: checked ? '#fff' : 'text.secondary',
                fontWeight: checked ? 600 : 400,
              }}
            >
              {t(`inspections.resultKeys.${option}`)}
            </Box>
          );
        })}
      </Box>
      <InputBase
        value={value?.note ?? ''}
        placeholder={t('inspections.fields.note')}
        onChange={(event) => props.onNote(id, event.target.value)}
        onKeyDown={(event) => props.onNoteKeyDown(id, event as KeyboardEvent<HTMLInputElement>)}
        readOnly={readOnly}
        inputProps={{
          'aria-label': t('inspections.editor.noteFor', { criterion: text }),
          maxLength: 2000,
          'data-note': id,
        }}
        sx={{ fontSize: 14, px: 1, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 1 }}
      />
    </Box>
  );
});
