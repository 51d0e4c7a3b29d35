import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/routes';
import { MinutesActions } from '../minutes/MinutesActions';
import type { SaveState } from './draft-saver';
import type { EditorState } from './editor-state';
import { SaveStateLabel } from './SaveStateLabel';
import { StatusChip } from './StatusChip';

interface EditorHeaderProps {
  state: EditorState;
  saveState: SaveState;
  onFinalise(): void;
  onAskAmend(): void;
  onAskReinspect(): void;
  onSaveAmendment(): void;
  onCancelAmendment(): void;
}

/** The unit, plan and checklist; the record's status; and what can be done with it now. */
export function EditorHeader(props: EditorHeaderProps) {
  const { state, saveState } = props;
  const { t } = useTranslation();
  const { detail, mode } = state;
  const busy = state.running !== null;
  return (
    <Paper square elevation={1} sx={{ px: 3, py: 1.5, zIndex: 1 }}>
      <Stack direction="row" spacing={2} alignItems="center">
        <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('plans', detail.planId)} sx={{ flexShrink: 0 }}>
          {t('inspections.editor.back')}
        </Button>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 500 }}>
            {detail.unit.name}
          </Typography>
          {/* Wraps rather than cut the plan or checklist name short. */}
          <Typography variant="body2" color="text.secondary">
            {t(`inspections.kinds.${detail.kind}`)} · {detail.plan.title} ·{' '}
            {t('inspections.editor.checklistVersion', {
              name: detail.checklist.checklistName,
              version: detail.checklist.versionNo,
            })}
          </Typography>
        </Box>
        <StatusChip status={detail.status} size="medium" />
        {mode.kind === 'draft' && <SaveStateLabel state={saveState} />}
        <Stack
          direction="row"
          spacing={1}
          data-slot="inspection-actions"
          sx={{ flexShrink: 0, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
        >
          <MinutesActions inspectionId={detail.id} unitName={detail.unit.name} />
          {mode.kind === 'draft' && (
            <Button
              variant="contained"
              startIcon={<DoneAllIcon />}
              disabled={busy}
              onClick={props.onFinalise}
              aria-keyshortcuts="Control+Enter"
            >
              {t('inspections.editor.finaliseShortcut')}
            </Button>
          )}
          {mode.kind === 'locked' && (
            <>
              <Button startIcon={<EditNoteIcon />} onClick={props.onAskAmend} aria-keyshortcuts="Control+E">
                {t('inspections.editor.amend')} (Ctrl+E)
              </Button>
              <Button onClick={props.onAskReinspect}>{t('inspections.editor.reinspect')}</Button>
            </>
          )}
          {mode.kind === 'amending' && (
            <>
              <Button variant="contained" disabled={busy} onClick={props.onSaveAmendment} aria-keyshortcuts="Control+S">
                {t('inspections.editor.amendSave')}
              </Button>
              <Button onClick={props.onCancelAmendment}>{t('inspections.editor.amendCancel')}</Button>
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
