import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Button, Paper, Stack, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../shared/domain/unit';
import { useDataEvents } from '../../api/data-events';
import { errorMessage } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotifier } from '../../components/Notifier';
import { PageHeader } from '../../components/PageHeader';
import { isTypingTarget } from '../../components/typing-target';
import { SampleDataPanel } from '../settings/SampleDataPanel';
import { RegistryTransferButtons } from '../unit-import/RegistryTransferButtons';
import { UnitFilters } from './UnitFilters';
import { UnitFormDialog, type SavedUnit } from './UnitFormDialog';
import { UnitTable } from './UnitTable';
import { useUnitList, type UnitListRequest } from './useUnitList';

const INITIAL_REQUEST: UnitListRequest = {
  query: '',
  kinds: [],
  managingBodies: [],
  schoolLevels: [],
  schoolTypes: [],
  active: 'active',
  sort: 'name',
};

/** Danh mục đơn vị: find, add, edit, deactivate; every change can be undone right after. */
export function RegistryPage() {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const events = useDataEvents();
  const [request, setRequest] = useState<UnitListRequest>(INITIAL_REQUEST);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);
  const [confirming, setConfirming] = useState<Unit | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLElement | null>(null);
  const list = useUnitList(request);
  const counts = useApiQuery('registry.counts', {});
  const registryTotal = counts.data?.total ?? null;
  // The list and the counts both listen for this.
  const reload = useCallback(() => events.changed(['registry']), [events]);
  // Stable, so the memoised rows of the grid do not re-render on every keystroke.
  const editUnit = useCallback((unit: Unit) => setEditing({ unit }), []);

  // A new search selects nothing until the user moves into the list.
  const patchRequest = useCallback((patch: Partial<UnitListRequest>) => {
    setRequest((current) => ({ ...current, ...patch }));
    setActiveIndex(-1);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && key === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if ((event.altKey && key === 'n') || (event.key === 'Insert' && !isTypingTarget(event.target))) {
        if (document.querySelector('[role="dialog"]')) return;
        event.preventDefault();
        setEditing({ unit: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onError = useCallback(
    (error: unknown) => notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' }),
    [notify, t],
  );
  // The registry list is filtered and sorted by the core: it is read again after each change.
  const undoCommand = useApiCommand('registry.undo', { invalidates: ['registry'], onError });
  const setActiveCommand = useApiCommand('registry.setActive', { invalidates: ['registry'], onError });
  const runUndo = undoCommand.run;
  const undo = useCallback(
    (undoId: string) => async () => {
      if (await runUndo({ undoId })) notify({ message: t('registry.undone'), severity: 'info' });
    },
    [notify, runUndo, t],
  );

  const onSaved = (saved: SavedUnit) => {
    setEditing(null);
    reload();
    const message = saved.created
      ? t('registry.created', { name: saved.unit.name })
      : t('registry.updated', { name: saved.unit.name });
    notify({ message, ...(saved.undoId ? { undo: undo(saved.undoId) } : {}) });
    gridRef.current?.focus();
  };

  const toggleActive = async (unit: Unit) => {
    setConfirming(null);
    const result = await setActiveCommand.run({ id: unit.id, rev: unit.rev, active: !unit.active });
    if (result) {
      notify({
        message: unit.active
          ? t('registry.deactivated', { name: unit.name })
          : t('registry.reactivated', { name: unit.name }),
        ...(result.undoId ? { undo: undo(result.undoId) } : {}),
      });
    }
    gridRef.current?.focus();
  };

  const emptyRegistry = registryTotal === 0;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader title={t('registry.title')}>
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {registryTotal !== null && list.loaded
            ? list.total === registryTotal
              ? t('registry.count', { shown: list.total })
              : t('registry.countOfTotal', { shown: list.total, total: registryTotal })
            : ''}
        </Typography>
        <RegistryTransferButtons filter={request} onImported={reload} />
        <Tooltip title={t('registry.addShortcut')}>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing({ unit: null })}
            aria-keyshortcuts="Alt+N Insert"
          >
            {t('registry.add')}
          </Button>
        </Tooltip>
      </PageHeader>
      <UnitFilters
        ref={searchRef}
        request={request}
        counts={counts.data ?? null}
        onPatch={patchRequest}
        onSearchKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'Enter') {
            event.preventDefault();
            setActiveIndex(0);
            gridRef.current?.focus();
          } else if (event.key === 'Escape' && request.query) {
            event.preventDefault();
            patchRequest({ query: '' });
          }
        }}
      />
      <ApiErrorAlert error={list.error} onRetry={list.reload} sx={{ mx: 3, mb: 1 }} />
      <ApiErrorAlert error={counts.error} onRetry={counts.reload} sx={{ mx: 3, mb: 1 }} />
      {emptyRegistry ? (
        <Paper sx={{ mx: 3, p: 4 }}>
          <Stack spacing={2} alignItems="flex-start">
            <Typography variant="h6" component="p">
              {t('registry.empty')}
            </Typography>
            <Typography color="text.secondary">{t('registry.emptyHelp')}</Typography>
            <Stack direction="row" spacing={2}>
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ unit: null })}>
                {t('registry.add')}
              </Button>
              <SampleDataPanel />
            </Stack>
          </Stack>
        </Paper>
      ) : (
        <Box
          sx={{ px: 3, pb: 2, flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
          ref={(node: HTMLElement | null) => {
            gridRef.current = node?.querySelector<HTMLElement>('[role="grid"]') ?? null;
          }}
        >
          {list.loaded && list.total === 0 ? (
            <Typography color="text.secondary" sx={{ p: 2 }} role="status">
              {t('registry.noMatch')}
            </Typography>
          ) : null}
          <UnitTable
            total={list.total}
            rowAt={list.rowAt}
            ensureRange={list.ensureRange}
            activeIndex={activeIndex}
            onActiveIndexChange={setActiveIndex}
            onEdit={editUnit}
            onToggleActive={(unit) => (unit.active ? setConfirming(unit) : void toggleActive(unit))}
            sort={request.sort}
            onSortChange={(sort) => patchRequest({ sort })}
            busy={list.stale}
          />
        </Box>
      )}
      {editing && (
        <UnitFormDialog
          key={editing.unit?.id ?? 'new'}
          unit={editing.unit}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('registry.deactivateConfirmTitle')}
        message={t('registry.deactivateConfirm', { name: confirming?.name ?? '' })}
        confirmLabel={t('registry.deactivate')}
        onConfirm={() => confirming && void toggleActive(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </Box>
  );
}
