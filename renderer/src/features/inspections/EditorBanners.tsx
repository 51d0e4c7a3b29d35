import { Alert, Button } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format/date';
import { navigate } from '../../app/routes';
import type { SaveState } from './draft-saver';
import type { EditorState } from './editor-state';

interface EditorBannersProps {
  state: EditorState;
  saveState: SaveState;
  onRetrySave(): void;
  onStart(): void;
  onUpgrade(): void;
  onReload(): void;
}

/** What the clerk must know about the record before typing: one banner per fact that applies. */
export function EditorBanners({ state, saveState, onRetrySave, onStart, onUpgrade, onReload }: EditorBannersProps) {
  const { t } = useTranslation();
  const { detail, mode } = state;
  const busy = state.running !== null;
  return (
    <>
      {mode.kind === 'planned' && (
        <Alert
          severity="info"
          action={
            <Button variant="contained" autoFocus disabled={busy} onClick={onStart}>
              {t('inspections.editor.start')}
            </Button>
          }
        >
          {t('inspections.editor.startHelp')}
        </Alert>
      )}
      {mode.kind === 'locked' && (
        <Alert severity="success" icon={<LockIcon />}>
          {detail.finalisedBy
            ? t('inspections.editor.lockedBanner', {
                time: formatDateTime(detail.finalisedAt),
                operator: detail.finalisedBy,
              })
            : t('inspections.editor.lockedBannerNoOperator', { time: formatDateTime(detail.finalisedAt) })}
        </Alert>
      )}
      {mode.kind === 'amending' && (
        <Alert severity="warning">{t('inspections.editor.amendMode', { reason: mode.reason })}</Alert>
      )}
      {mode.kind === 'draft' && saveState.kind === 'failed' && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={onRetrySave}>
              {t('common.retry')}
            </Button>
          }
        >
          {t('inspections.editor.saveFailed', { message: saveState.message })}
        </Alert>
      )}
      {mode.kind === 'conflict' && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={onReload}>
              {t('inspections.editor.reloadLatest')}
            </Button>
          }
        >
          {t(
            mode.cause === 'finalised' ? 'inspections.editor.conflictFinalised' : 'inspections.editor.conflictChanged',
          )}
        </Alert>
      )}
      {mode.kind === 'draft' && detail.checklist.versionId !== detail.checklist.latestVersionId && (
        <Alert
          severity="info"
          action={
            <Button disabled={busy} onClick={onUpgrade}>
              {t('inspections.editor.upgrade')}
            </Button>
          }
        >
          {t('inspections.editor.upgradeBanner', {
            name: detail.checklist.checklistName,
            latest: detail.checklist.latestVersionNo,
            current: detail.checklist.versionNo,
          })}
        </Alert>
      )}
      {detail.original && (
        <Alert
          severity="info"
          action={
            <Button onClick={() => navigate('inspections', detail.original?.id ?? '')}>{t('inspections.open')}</Button>
          }
        >
          {t('inspections.editor.original', { date: formatDate(detail.original.inspectionDate) })}
        </Alert>
      )}
    </>
  );
}
