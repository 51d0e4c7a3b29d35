import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChosenFile } from '../../../../shared/api/files';
import type { SchoolLevel, SchoolType, UnitKind } from '../../../../shared/domain/unit';
import type {
  AnalyzeResult,
  ApplyResult,
  HeaderChoice,
  ImportField,
  InspectResult,
  PreviewResult,
  RowOverride,
  TextEncodingChoice,
} from '../../../../shared/domain/unit-import';
import type { ApiClient } from '../../api/client';
import { errorMessage } from '../../api/errors';

export type WizardStep = 'file' | 'mapping' | 'preview' | 'summary';

export interface WizardState {
  step: WizardStep;
  file: ChosenFile | null;
  inspected: InspectResult | null;
  sheet: number;
  encoding: TextEncodingChoice;
  analyzed: AnalyzeResult | null;
  header: HeaderChoice;
  mapping: ImportField[];
  preview: PreviewResult | null;
  overrides: Map<number, RowOverride>;
  excluded: Set<number>;
  updateExisting: boolean;
  result: ApplyResult | null;
  busy: 'reading' | 'analyzing' | 'previewing' | 'applying' | null;
  error: string | null;
}

const INITIAL: WizardState = {
  step: 'file',
  file: null,
  inspected: null,
  sheet: 0,
  encoding: 'auto',
  analyzed: null,
  header: { row: 0, lines: 1 },
  mapping: [],
  preview: null,
  overrides: new Map(),
  excluded: new Set(),
  updateExisting: true,
  result: null,
  busy: null,
  error: null,
};

/** The file, sheet and choices that both the preview and the apply read the rows with. */
function rowsRequest(state: WizardState, sessionId: string) {
  return {
    sessionId,
    sheet: state.sheet,
    encoding: state.encoding,
    header: state.header,
    mapping: state.mapping,
    overrides: [...state.overrides.values()],
    updateExisting: state.updateExisting,
  };
}

/** Rows the apply step will write with the current choices. */
export function rowsToWrite(state: WizardState): number {
  if (!state.preview) return 0;
  return state.preview.rows.filter(
    (row) =>
      !state.excluded.has(row.row) && (row.status === 'new' || (row.status === 'update' && state.updateExisting)),
  ).length;
}

/**
 * The import wizard's state and its calls to the core: choose a file → pick a sheet and check
 * the mapping → preview (re-run when a row is corrected) → apply → summary. Answers to
 * superseded requests are dropped, so quick changes never show stale results.
 */
export function useImportWizard(api: ApiClient, fallbackError: string) {
  const [state, setState] = useState<WizardState>(INITIAL);
  const generation = useRef(0);
  const sessionRef = useRef<string | null>(null);

  const patch = useCallback((next: Partial<WizardState>) => setState((current) => ({ ...current, ...next })), []);
  const fail = useCallback(
    (error: unknown) => patch({ busy: null, error: errorMessage(error, fallbackError) }),
    [patch, fallbackError],
  );

  const analyze = useCallback(
    async (sessionId: string, sheet: number, encoding: TextEncodingChoice, header?: HeaderChoice) => {
      const ticket = ++generation.current;
      patch({ busy: 'analyzing', error: null });
      try {
        const analyzed = await api.call('unitImport.analyze', {
          sessionId,
          sheet,
          encoding,
          ...(header ? { header } : {}),
        });
        if (ticket !== generation.current) return;
        patch({
          analyzed,
          sheet,
          encoding,
          header: analyzed.header,
          mapping: analyzed.columns.map((column) => column.field),
          preview: null,
          overrides: new Map(),
          excluded: new Set(),
          busy: null,
        });
      } catch (error) {
        if (ticket === generation.current) fail(error);
      }
    },
    [api, patch, fail],
  );

  const chooseFile = useCallback(
    async (filterName: string) => {
      let file: ChosenFile | null;
      try {
        file = await api.openFile([{ name: filterName, extensions: ['xlsx', 'xls', 'xlsm', 'ods', 'csv', 'txt'] }]);
      } catch (error) {
        fail(error);
        return;
      }
      if (!file) return;
      const ticket = ++generation.current;
      patch({ ...INITIAL, file, busy: 'reading', overrides: new Map(), excluded: new Set() });
      try {
        const inspected = await api.call('unitImport.inspect', { fileId: file.fileId });
        if (ticket !== generation.current) return;
        if (sessionRef.current)
          void api.call('unitImport.discard', { sessionId: sessionRef.current }).catch(() => undefined);
        sessionRef.current = inspected.sessionId;
        patch({ inspected, step: 'mapping', busy: null });
        await analyze(inspected.sessionId, inspected.suggestedSheet, 'auto');
      } catch (error) {
        if (ticket === generation.current) fail(error);
      }
    },
    [api, patch, fail, analyze],
  );

  const runPreview = useCallback(
    async (current: WizardState, goTo?: WizardStep) => {
      if (!current.inspected) return;
      const ticket = ++generation.current;
      patch({ busy: 'previewing', error: null });
      try {
        const preview = await api.call('unitImport.preview', rowsRequest(current, current.inspected.sessionId));
        if (ticket !== generation.current) return;
        patch({ preview, busy: null, ...(goTo ? { step: goTo } : {}) });
      } catch (error) {
        if (ticket === generation.current) fail(error);
      }
    },
    [api, patch, fail],
  );

  // Corrections in the preview are sent once typing settles.
  const pendingPreview = useRef<number | null>(null);
  const schedulePreview = useCallback(
    (next: WizardState) => {
      if (pendingPreview.current !== null) window.clearTimeout(pendingPreview.current);
      pendingPreview.current = window.setTimeout(() => void runPreview(next), 200);
    },
    [runPreview],
  );
  useEffect(
    () => () => {
      if (pendingPreview.current !== null) window.clearTimeout(pendingPreview.current);
    },
    [],
  );

  const actions = {
    chooseFile,
    changeSheet: (sheet: number) => state.inspected && void analyze(state.inspected.sessionId, sheet, state.encoding),
    changeEncoding: (encoding: TextEncodingChoice) =>
      state.inspected && void analyze(state.inspected.sessionId, state.sheet, encoding),
    changeHeader: (header: HeaderChoice) =>
      state.inspected && void analyze(state.inspected.sessionId, state.sheet, state.encoding, header),
    changeMapping: (column: number, field: ImportField) =>
      setState((current) => {
        const mapping = [...current.mapping];
        // A field feeds one column: choosing it here frees the column that had it.
        if (field !== 'ignore') {
          mapping.forEach((value, index) => {
            if (value === field && index !== column) mapping[index] = 'ignore';
          });
        }
        mapping[column] = field;
        return { ...current, mapping, preview: null };
      }),
    toPreview: () => void runPreview(state, 'preview'),
    back: () => patch({ step: state.step === 'preview' ? 'mapping' : 'file', error: null }),
    correctRow: (
      row: number,
      change: { kind?: UnitKind; schoolLevel?: SchoolLevel | null; schoolType?: SchoolType | null },
    ) => {
      const overrides = new Map(state.overrides);
      overrides.set(row, { ...(overrides.get(row) ?? { row }), ...change, row });
      const next = { ...state, overrides };
      setState(next);
      schedulePreview(next);
    },
    toggleRow: (row: number) => {
      const excluded = new Set(state.excluded);
      if (excluded.has(row)) excluded.delete(row);
      else excluded.add(row);
      patch({ excluded });
    },
    setUpdateExisting: (updateExisting: boolean) => {
      const next = { ...state, updateExisting };
      setState(next);
      schedulePreview(next);
    },
    apply: async () => {
      if (!state.inspected || state.busy) return null;
      // A correction's preview still pending or on its way must not land during or after the
      // write (its answer would clear "applying" and enable the button a second time).
      if (pendingPreview.current !== null) window.clearTimeout(pendingPreview.current);
      pendingPreview.current = null;
      generation.current += 1;
      patch({ busy: 'applying', error: null });
      try {
        const result = await api.call('unitImport.apply', {
          ...rowsRequest(state, state.inspected.sessionId),
          excludedRows: [...state.excluded],
        });
        patch({ result, step: 'summary', busy: null });
        return result;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    /** Forget the file in the core (the wizard closes). */
    discard: () => {
      generation.current += 1;
      if (sessionRef.current)
        void api.call('unitImport.discard', { sessionId: sessionRef.current }).catch(() => undefined);
      sessionRef.current = null;
    },
  };

  return { state, actions };
}
