import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './useDraftAutosave';

function clock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "Đã lưu lúc 09:41" — always visible, never a spinner in the way of typing. */
export function SaveStateLabel({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  let text: string;
  let color = 'text.secondary';
  switch (state.kind) {
    case 'saved':
      text = state.at ? t('inspections.editor.saveState.saved', { time: clock(state.at) }) : '';
      break;
    case 'saving':
      text = t('inspections.editor.saveState.saving');
      break;
    case 'pending':
      text = t('inspections.editor.saveState.pending');
      break;
    case 'failed':
      // The reason and "Thử lại" are in the banner below the header.
      text = t('inspections.editor.saveState.failed');
      color = 'error.main';
      break;
    case 'conflict':
      text = t('inspections.editor.saveState.conflict');
      color = 'error.main';
      break;
  }
  return (
    <Typography
      variant="body2"
      color={color}
      role="status"
      aria-live="polite"
      sx={{ minWidth: 120, whiteSpace: 'nowrap' }}
    >
      {text}
    </Typography>
  );
}
