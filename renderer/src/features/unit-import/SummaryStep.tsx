import { Alert, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EditIcon from '@mui/icons-material/Edit';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import NotInterestedIcon from '@mui/icons-material/NotInterested';
import { useTranslation } from 'react-i18next';
import type { ApplyResult } from '../../../../shared/domain/unit-import';

/** Step 4: what the import did. */
export function SummaryStep({ result }: { result: ApplyResult }) {
  const { t } = useTranslation();
  const nothing = result.created === 0 && result.updated === 0;
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
    </Stack>
  );
}
