import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { TransferPreview } from '../../../../shared/api/transfer';
import { formatDateTime } from '../../../../shared/format/date';
import { useApi } from '../../api/ApiContext';
import { useDataEvents } from '../../api/data-events';
import { useApiCommand } from '../../api/useApiCommand';
import { navigate } from '../../app/routes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useChooseFile, type ChosenFileSource } from '../../components/folders/useChooseFile';
import { ConflictVersions } from './ConflictVersions';
import { scopeName, tableName } from './transfer-text';

const VERDICTS = ['add', 'update', 'same', 'kept', 'conflict'] as const;
/** A part of the preview that needs the clerk: its title with the count, and what to do. */
function SectionHeading({ title, help }: { title: string; help: string }) {
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {help}
      </Typography>
    </>
  );
}

/** What "Chọn tệp gói dữ liệu…" accepts. */
export const PACKAGE_EXTENSIONS = ['klkgoi'];

type Applied = ApiOutput<'transfer.apply'>;
type Step =
  | { kind: 'idle'; note: string | null }
  | { kind: 'checking'; fileName: string }
  | { kind: 'password'; fileName: string; source: ChosenFileSource }
  | { kind: 'preview'; fileName: string; preview: TransferPreview }
  | { kind: 'done'; sender: string; applied: Applied };

/**
 * "Nhận dữ liệu": a package file chosen (password asked for when it has one), checked whole and
 * previewed — sender, what it adds, updates and leaves, twin units to link, numbers given twice,
 * conflicts — then merged on "Nhập dữ liệu" (every screen loads again) or dropped on "Hủy".
 */
export function ReceivePanel() {
  const { t } = useTranslation();
  const api = useApi();
  const events = useDataEvents();
  const chooseFile = useChooseFile();
  const formId = useId();
  const [step, setStep] = useState<Step>({ kind: 'idle', note: null });
  const [password, setPassword] = useState('');
  const [keepApart, setKeepApart] = useState<ReadonlySet<string>>(new Set());
  const [chooseFailure, setChooseFailure] = useState<unknown>(null);
  const open = useApiCommand('transfer.open');
  const apply = useApiCommand('transfer.apply', { invalidates: ['transfer'] });
  const discard = useApiCommand('transfer.discard');
  // The session open on the core, dropped when the page goes away without a decision.
  const session = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (session.current) void api.call('transfer.discard', { sessionId: session.current }).catch(() => undefined);
    },
    [api],
  );

  const dropSession = async () => {
    const sessionId = session.current;
    session.current = null;
    if (sessionId) await discard.run({ sessionId });
  };

  const openFile = async (source: ChosenFileSource, fileName: string, withPassword: string | null) => {
    apply.reset();
    setStep({ kind: 'checking', fileName });
    const outcome = await open.run({ source, password: withPassword });
    if (!outcome) {
      setStep(withPassword !== null ? { kind: 'password', fileName, source } : { kind: 'idle', note: null });
      return;
    }
    if (outcome.state === 'needsPassword') {
      setStep({ kind: 'password', fileName, source });
      return;
    }
    setPassword('');
    session.current = outcome.preview.sessionId;
    setKeepApart(new Set());
    setStep({ kind: 'preview', fileName: outcome.fileName, preview: outcome.preview });
  };

  const choose = async () => {
    setChooseFailure(null);
    open.reset();
    try {
      const chosen = await chooseFile({
        purpose: 'transfer',
        title: t('transfer.receive.chooseTitle'),
        filterName: t('transfer.receive.fileFilter'),
        extensions: PACKAGE_EXTENSIONS,
      });
      if (!chosen) return;
      await dropSession();
      await openFile(chosen.source, chosen.fileName, null);
    } catch (error) {
      setChooseFailure(error);
    }
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'password' || !password) return;
    void openFile(step.source, step.fileName, password);
  };

  const confirm = async (preview: TransferPreview) => {
    const applied = await apply.run({ sessionId: preview.sessionId, keepApart: [...keepApart] });
    if (!applied) return;
    session.current = null;
    // A merge may touch every kind of data: every screen loads again.
    events.changedAll();
    setStep({ kind: 'done', sender: preview.sender.name, applied });
  };

  const cancel = async () => {
    await dropSession();
    setStep({ kind: 'idle', note: t('transfer.receive.discarded') });
  };

  const chooseButton = (label: string, variant: 'contained' | 'outlined') => (
    <Button variant={variant} onClick={() => void choose()} disabled={open.pending || apply.pending}>
      {label}
    </Button>
  );

  return (
    <Paper sx={{ p: 3 }}>
      <Stack spacing={2}>
        {step.kind === 'idle' && (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('transfer.receive.intro')}
            </Typography>
            {step.note && <Alert severity="info">{step.note}</Alert>}
            <ApiErrorAlert error={open.error ?? chooseFailure} />
            <Box>{chooseButton(t('transfer.receive.choose'), 'contained')}</Box>
          </>
        )}
        {step.kind === 'checking' && (
          <Box role="status">
            <Typography sx={{ mb: 1 }}>{t('transfer.receive.checking', { file: step.fileName })}</Typography>
            <LinearProgress aria-label={t('transfer.receive.checking', { file: step.fileName })} />
          </Box>
        )}
        {step.kind === 'password' && (
          <Stack component="form" spacing={2} id={formId} onSubmit={submitPassword} sx={{ maxWidth: 520 }}>
            <Typography>{t('transfer.receive.passwordNeeded', { file: step.fileName })}</Typography>
            <TextField
              type="password"
              label={t('backup.now.password')}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="off"
              autoFocus
            />
            <ApiErrorAlert error={open.error} />
            <Stack direction="row" spacing={1}>
              <Button type="submit" variant="contained" disabled={!password}>
                {t('transfer.receive.open')}
              </Button>
              <Button onClick={() => setStep({ kind: 'idle', note: null })}>{t('transfer.receive.discard')}</Button>
            </Stack>
          </Stack>
        )}
        {step.kind === 'preview' && (
          <>
            <PreviewView
              fileName={step.fileName}
              preview={step.preview}
              keepApart={keepApart}
              onKeepApart={setKeepApart}
            />
            {apply.pending && (
              <Box role="status">
                <Typography sx={{ mb: 1 }}>{t('transfer.receive.applying')}</Typography>
                <LinearProgress aria-label={t('transfer.receive.applying')} />
              </Box>
            )}
            <ApiErrorAlert error={apply.error ?? discard.error} />
            <Stack direction="row" spacing={1}>
              <Button variant="contained" onClick={() => void confirm(step.preview)} disabled={apply.pending}>
                {t('transfer.receive.apply')}
              </Button>
              <Button onClick={() => void cancel()} disabled={apply.pending}>
                {t('transfer.receive.discard')}
              </Button>
            </Stack>
          </>
        )}
        {step.kind === 'done' && (
          <>
            <Alert severity="success" role="alert">
              <Typography>
                {t('transfer.receive.done', {
                  office: step.sender,
                  add: step.applied.totals.add,
                  update: step.applied.totals.update,
                  same: step.applied.totals.same,
                })}
              </Typography>
              <Typography>
                {step.applied.conflicts > 0
                  ? t('transfer.receive.doneConflicts', { count: step.applied.conflicts })
                  : t('transfer.receive.noConflicts')}
              </Typography>
            </Alert>
            <Stack direction="row" spacing={1}>
              {step.applied.conflicts > 0 && (
                <Button variant="contained" onClick={() => navigate('transfer', 'conflicts')}>
                  {t('transfer.receive.seeConflicts')}
                </Button>
              )}
              {chooseButton(t('transfer.receive.another'), 'outlined')}
            </Stack>
            <ApiErrorAlert error={open.error ?? chooseFailure} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

interface PreviewViewProps {
  fileName: string;
  preview: TransferPreview;
  keepApart: ReadonlySet<string>;
  onKeepApart(next: ReadonlySet<string>): void;
}

function PreviewView({ fileName, preview, keepApart, onKeepApart }: PreviewViewProps) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  const toggleTwin = (theirsId: string, link: boolean) => {
    const next = new Set(keepApart);
    if (link) next.delete(theirsId);
    else next.add(theirsId);
    onKeepApart(next);
  };
  return (
    <Stack spacing={2} component="section" aria-label={t('transfer.receive.previewTitle', { file: fileName })}>
      <Typography variant="h6" component="h2" sx={{ wordBreak: 'break-all' }}>
        {t('transfer.receive.previewTitle', { file: fileName })}
      </Typography>
      <Table size="small" aria-label={t('transfer.receive.facts')} sx={{ maxWidth: 640 }}>
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row" sx={{ width: 180 }}>
              {t('transfer.receive.sender')}
            </TableCell>
            <TableCell>{preview.sender.name}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              {t('transfer.receive.createdAt')}
            </TableCell>
            <TableCell>{formatDateTime(preview.createdAt)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              {t('transfer.receive.scope')}
            </TableCell>
            <TableCell>{scopeName(t, preview.scope)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              {t('transfer.receive.received')}
            </TableCell>
            <TableCell>
              {preview.alreadyReceived ? t('transfer.receive.receivedBefore') : t('transfer.receive.notReceivedYet')}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {preview.alreadyReceived && <Alert severity="info">{t('transfer.receive.alreadyReceived')}</Alert>}
      {preview.missingEarlier && (
        <Alert severity="warning">
          {t('transfer.receive.missingEarlier', {
            sender: preview.sender.name,
            at: formatDateTime(preview.missingEarlier.at),
          })}
        </Alert>
      )}

      <Typography variant="subtitle1" component="h3">
        {t('transfer.receive.countsTitle')}
      </Typography>
      {preview.tables.length === 0 ? (
        <Typography color="text.secondary">{t('transfer.receive.nothing')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('transfer.receive.countsTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('transfer.receive.kind')}</TableCell>
                {VERDICTS.map((verdict) => (
                  <TableCell key={verdict} align="right">
                    {t(`transfer.receive.verdicts.${verdict}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.tables.map((row) => (
                <TableRow key={row.table}>
                  <TableCell component="th" scope="row">
                    {tableName(t, i18n, row.table)}
                  </TableCell>
                  {VERDICTS.map((verdict) => (
                    <TableCell
                      key={verdict}
                      align="right"
                      sx={verdict === 'conflict' && row[verdict] > 0 ? { color: 'warning.dark', fontWeight: 600 } : {}}
                    >
                      {number(row[verdict])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                  {t('transfer.receive.total')}
                </TableCell>
                {VERDICTS.map((verdict) => (
                  <TableCell key={verdict} align="right" sx={{ fontWeight: 600 }}>
                    {number(preview.totals[verdict])}
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      )}

      {preview.twins.length > 0 && (
        <>
          <SectionHeading
            title={t('transfer.receive.twinsTitle', { count: preview.twins.length })}
            help={t('transfer.receive.twinsHelp')}
          />
          <Box sx={{ overflowX: 'auto', maxHeight: 360 }}>
            <Table size="small" stickyHeader aria-label={t('transfer.receive.twinsTable')}>
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">{t('transfer.receive.link')}</TableCell>
                  <TableCell>{t('transfer.receive.theirs')}</TableCell>
                  <TableCell>{t('transfer.receive.ours')}</TableCell>
                  <TableCell>{t('transfer.receive.reason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.twins.map((twin) => {
                  const forced = twin.reason === 'code';
                  return (
                    <TableRow key={twin.theirs.id}>
                      <TableCell padding="checkbox">
                        <Checkbox
                          checked={forced || !keepApart.has(twin.theirs.id)}
                          disabled={forced}
                          onChange={(event) => toggleTwin(twin.theirs.id, event.target.checked)}
                          slotProps={{
                            input: {
                              'aria-label': t('transfer.receive.linkOne', {
                                theirs: twin.theirs.name,
                                ours: twin.ours.name,
                              }),
                            },
                          }}
                        />
                      </TableCell>
                      <TableCell>
                        {twin.theirs.name}
                        {twin.theirs.code && ` (${twin.theirs.code})`}
                      </TableCell>
                      <TableCell>
                        {twin.ours.name}
                        {twin.ours.code && ` (${twin.ours.code})`}
                      </TableCell>
                      <TableCell>{t(`transfer.receive.reasons.${twin.reason}`)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        </>
      )}

      {preview.collisions.length > 0 && (
        <>
          <SectionHeading
            title={t('transfer.receive.collisionsTitle', { count: preview.collisions.length })}
            help={t('transfer.receive.collisionsHelp')}
          />
          <Box component="ul" sx={{ my: 0, pl: 3 }}>
            {preview.collisions.map((collision, index) => (
              <li key={index}>
                <Typography variant="body2">
                  {collision.kind === 'minutesNumber'
                    ? t('transfer.receive.collisionNumber', {
                        number: collision.number ?? '',
                        ours: collision.ours,
                        theirs: collision.theirs,
                      })
                    : t('transfer.receive.collisionScope', { name: collision.label.name })}
                  {collision.label.context && ` — ${t('transfer.conflicts.inPlan', { plan: collision.label.context })}`}
                </Typography>
              </li>
            ))}
          </Box>
        </>
      )}

      {preview.conflicts.length > 0 && (
        <>
          <SectionHeading
            title={t('transfer.receive.conflictsTitle', { count: preview.conflicts.length })}
            help={t('transfer.receive.conflictsHelp')}
          />
          {preview.conflicts.map((conflict, index) => (
            <Box key={`${conflict.recordId}-${index}`}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('transfer.conflicts.record', {
                  table: tableName(t, i18n, conflict.label.table),
                  name: conflict.label.name,
                })}{' '}
                — {t(`transfer.conflicts.kinds.${conflict.kind}`)}
              </Typography>
              <ConflictVersions conflict={conflict} />
            </Box>
          ))}
        </>
      )}
    </Stack>
  );
}
