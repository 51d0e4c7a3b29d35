import { useState } from 'react';
import { Alert, Box, Button, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EditIcon from '@mui/icons-material/Edit';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import NotInterestedIcon from '@mui/icons-material/NotInterested';
import { useTranslation } from 'react-i18next';
import type { ApplyResult, UndoImportResult } from '../../../../shared/domain/unit-import';
import { useApiCommand } from '../../api/useApiCommand';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

interface SummaryStepProps {
  result: ApplyResult;
  /** The import was taken back (the registry list reloads). */
  onUndone(): void;
}

/** Step 4: what the import did, and a way to take it back at once. */
export function SummaryStep({ result, onUndone }: SummaryStepProps) {
  const { t } = useTranslation();
  const undoCommand = useApiCommand('unitImport.undo', { invalidates: ['registry'] });
  const [undone, setUndone] = useState<UndoImportResult | null>(null);
  const undoing = undoCommand.pending;
  const nothing = result.created === 0 && result.updated === 0;

  const undo = async () => {
    const answer = await undoCommand.run({ undoId: result.undoId });
    if (!answer) return;
    setUndone(answer);
    onUndone();
  };

  return (
    <Stack spacing={2} role="status" aria-live="polite">
      <Typography variant="h6" component="h3">
        {t('unitImport.summary.title')}
      </Typography>
      {nothing && <Alert severity="info">{t('unitImport.summary.nothingChanged')}</Alert>}
      <List dense>
        <ListItem>
          <ListItemIcon>
            <CheckCircleIcon color="success" />
          </ListItemIcon>
          <ListItemText primary={t('unitImport.summary.created', { count: result.created })} />
        </ListItem>
        <ListItem>
          <ListItemIcon>
            <EditIcon color="info" />
          </ListItemIcon>
          <ListItemText primary={t('unitImport.summary.updated', { count: result.updated })} />
        </ListItem>
        <ListItem>
          <ListItemIcon>
            <RemoveCircleOutlineIcon />
          </ListItemIcon>
          <ListItemText primary={t('unitImport.summary.unchanged', { count: result.unchanged })} />
        </ListItem>
        {result.excluded > 0 && (
          <ListItem>
            <ListItemIcon>
              <NotInterestedIcon />
            </ListItemIcon>
            <ListItemText primary={t('unitImport.summary.excluded', { count: result.excluded })} />
          </ListItem>
        )}
        {result.errors + result.duplicates > 0 && (
          <ListItem>
            <ListItemIcon>
              <ErrorOutlineIcon color="error" />
            </ListItemIcon>
            <ListItemText
              primary={t('unitImport.summary.problems', { errors: result.errors, duplicates: result.duplicates })}
            />
          </ListItem>
        )}
        {result.skipped > 0 && (
          <ListItem>
            <ListItemIcon>
              <NotInterestedIcon />
            </ListItemIcon>
            <ListItemText primary={t('unitImport.summary.skipped', { count: result.skipped })} />
          </ListItem>
        )}
      </List>
      {result.undoId !== '' && undone === null && (
        <Box>
          <Button variant="outlined" startIcon={<UndoIcon />} onClick={() => void undo()} disabled={undoing}>
            {undoing ? t('unitImport.summary.undoing') : t('unitImport.summary.undo')}
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {t('unitImport.summary.undoHint')}
          </Typography>
        </Box>
      )}
      <ApiErrorAlert error={undoCommand.error} />
      {undone && (
        <Alert severity={undone.kept > 0 ? 'warning' : 'success'}>
          {t('unitImport.summary.undone', { removed: undone.removed, restored: undone.restored })}
          {undone.kept > 0 && ` ${t('unitImport.summary.undoKept', { count: undone.kept })}`}
        </Alert>
      )}
    </Stack>
  );
}
