import { useId, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SentFile } from '../../../../shared/api/transfer';
import type { FolderPlaces } from '../../../../shared/domain/folders';
import { formatDateTime } from '../../../../shared/format/date';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DestinationPicker, driveKindOf } from '../../components/folders/DestinationPicker';
import {
  NewPasswordFields,
  NO_PASSWORD,
  newPasswordProblem,
  type NewPassword,
} from '../../components/folders/NewPasswordFields';
import { formatSize } from '../backup/backup-text';
import { periodLabel } from '../plans/plan-labels';
import { tableName, totalRecords } from './transfer-text';

type ScopeKind = 'all' | 'plans' | 'changes';
/** The recipient select's value for "Cơ quan khác (gửi lần đầu)". */
const NEW_OFFICE = 'new';

/**
 * "Gửi dữ liệu": what (everything, some plans, what changed since the last exchange with a
 * known office), to whom, where (USB sticks first), an optional password; then the package
 * written and read back, and what it holds.
 */
export function SendPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [scope, setScope] = useState<ScopeKind>('all');
  const [planIds, setPlanIds] = useState<ReadonlySet<string>>(new Set());
  const [recipient, setRecipient] = useState<string>(NEW_OFFICE);
  const [folder, setFolder] = useState('');
  const [places, setPlaces] = useState<FolderPlaces | null>(null);
  const [password, setPassword] = useState<NewPassword>(NO_PASSWORD);
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState<SentFile | null>(null);
  const plans = useApiQuery('plans.list', { query: '' });
  const offices = useApiQuery('transfer.offices', {});
  const send = useApiCommand('transfer.send', { invalidates: ['transfer'] });

  const plansProblem = scope === 'plans' && planIds.size === 0 ? t('transfer.send.plansNeeded') : null;
  const recipientProblem =
    scope === 'changes' && recipient === NEW_OFFICE ? t('transfer.errors.recipientNeeded') : null;
  const folderProblem = folder ? null : t('transfer.send.folderNeeded');
  const passwordProblem = newPasswordProblem(t, password);

  const start = async () => {
    setChecked(true);
    if (plansProblem || recipientProblem || folderProblem || passwordProblem) return;
    const answer = await send.run({
      scope: scope === 'plans' ? { kind: 'plans', planIds: [...planIds] } : { kind: scope },
      recipientId: recipient === NEW_OFFICE ? null : recipient,
      folder,
      password: password.enabled ? password.password : null,
    });
    if (answer) {
      // The password is not kept a moment longer than needed.
      setPassword((current) => ({ ...current, password: '', again: '' }));
      setChecked(false);
      setSent(answer);
    }
  };

  const togglePlan = (planId: string, on: boolean) =>
    setPlanIds((current) => {
      const next = new Set(current);
      if (on) next.add(planId);
      else next.delete(planId);
      return next;
    });

  if (sent) return <SentSummary sent={sent} places={places} onAgain={() => setSent(null)} />;

  const busy = send.pending;
  return (
    <Paper sx={{ p: 3 }}>
      <Stack spacing={3}>
        <FormControl disabled={busy}>
          <FormLabel id={`${id}-what`}>{t('transfer.send.what')}</FormLabel>
          <RadioGroup
            aria-labelledby={`${id}-what`}
            value={scope}
            onChange={(event) => setScope(event.target.value as ScopeKind)}
          >
            {(['all', 'plans', 'changes'] as const).map((kind) => (
              <FormControlLabel key={kind} value={kind} control={<Radio />} label={t(`transfer.scopes.${kind}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        {scope === 'plans' && (
          <FormControl component="fieldset" disabled={busy} error={checked && plansProblem !== null}>
            <FormLabel component="legend">{t('transfer.send.plans')}</FormLabel>
            <ApiErrorAlert error={plans.error} onRetry={plans.reload} />
            {plans.data?.length === 0 && <FormHelperText sx={{ mx: 0 }}>{t('transfer.send.noPlans')}</FormHelperText>}
            <FormGroup sx={{ maxHeight: 240, overflow: 'auto', flexWrap: 'nowrap' }}>
              {plans.data?.map((plan) => (
                <FormControlLabel
                  key={plan.id}
                  control={
                    <Checkbox
                      checked={planIds.has(plan.id)}
                      onChange={(event) => togglePlan(plan.id, event.target.checked)}
                    />
                  }
                  label={`${plan.title} — ${periodLabel(t, plan)}`}
                />
              ))}
            </FormGroup>
            <FormHelperText sx={{ mx: 0 }}>
              {checked && plansProblem ? plansProblem : t('transfer.send.plansChosen', { count: planIds.size })}
            </FormHelperText>
          </FormControl>
        )}
        <Box>
          <TextField
            select
            label={t('transfer.send.recipient')}
            value={recipient}
            onChange={(event) => setRecipient(event.target.value)}
            disabled={busy}
            sx={{ width: 560, maxWidth: '100%' }}
            error={checked && recipientProblem !== null}
            helperText={
              checked && recipientProblem
                ? recipientProblem
                : scope === 'changes'
                  ? t('transfer.send.changesHelp')
                  : ' '
            }
          >
            {(offices.data ?? []).map((office) => (
              <MenuItem key={office.officeId} value={office.officeId}>
                {t('transfer.send.knownOffice', { name: office.name, date: formatDateTime(office.lastSeen) })}
              </MenuItem>
            ))}
            <MenuItem value={NEW_OFFICE}>{t('transfer.send.newOffice')}</MenuItem>
          </TextField>
          <ApiErrorAlert error={offices.error} onRetry={offices.reload} />
        </Box>
        <Box>
          <DestinationPicker
            purpose="transfer"
            label={t('transfer.send.where')}
            chooseTitle={t('transfer.send.chooseTitle')}
            value={folder}
            onChange={setFolder}
            onPlaces={setPlaces}
            disabled={busy}
          />
          {checked && folderProblem && (
            <FormHelperText error sx={{ mx: 0 }}>
              {folderProblem}
            </FormHelperText>
          )}
        </Box>
        <NewPasswordFields
          value={password}
          onChange={setPassword}
          checkboxLabel={t('transfer.send.usePassword')}
          help={t('transfer.send.passwordHelp')}
          disabled={busy}
          showErrors={checked}
        />
        {busy && (
          <Box role="status" aria-live="polite">
            <LinearProgress aria-label={t('transfer.send.progressLabel')} />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {t('transfer.send.working')}
            </Typography>
          </Box>
        )}
        <ApiErrorAlert error={send.error} />
        <Box>
          <Button variant="contained" onClick={() => void start()} disabled={busy}>
            {t('transfer.send.start')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}

function SentSummary({ sent, places, onAgain }: { sent: SentFile; places: FolderPlaces | null; onAgain(): void }) {
  const { t, i18n } = useTranslation();
  const drive = driveKindOf(places, sent.folder);
  const kinds = Object.entries(sent.counts).filter(([, count]) => count > 0);
  return (
    <Paper sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Alert severity="success" role="alert">
          <Typography sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
            {t('transfer.send.done', { file: sent.fileName, size: formatSize(sent.size, i18n.language) })}
          </Typography>
          <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
            {t('transfer.send.folder', { folder: sent.folder })}
          </Typography>
          <Typography variant="body2">
            {t(
              drive === 'removable'
                ? 'transfer.send.readBackRemovable'
                : drive === 'network'
                  ? 'transfer.send.readBackNetwork'
                  : 'transfer.send.readBackLocal',
            )}
          </Typography>
        </Alert>
        <Typography variant="subtitle1" component="h2">
          {t('transfer.send.records', { number: totalRecords(sent.counts).toLocaleString(i18n.language) })}
        </Typography>
        <Table size="small" aria-label={t('transfer.send.recordsTable')} sx={{ maxWidth: 480 }}>
          <TableBody>
            {kinds.map(([table, count]) => (
              <TableRow key={table}>
                <TableCell component="th" scope="row">
                  {tableName(t, i18n, table)}
                </TableCell>
                <TableCell align="right">{count.toLocaleString(i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box>
          <Button variant="outlined" onClick={onAgain}>
            {t('transfer.send.another')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}
