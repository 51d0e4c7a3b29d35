import { useId, useState } from 'react';
import { Alert, Box, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  TEXT_ENCODINGS,
  columnLetter,
  type AnalyzeResult,
  type HeaderChoice,
  type ImportField,
  type TextEncodingChoice,
} from '../../../../shared/domain/unit-import';
import type { WizardState } from './useImportWizard';

interface MappingStepProps {
  state: WizardState;
  onSheet(sheet: number): void;
  onEncoding(encoding: TextEncodingChoice): void;
  onHeader(header: HeaderChoice): void;
  onMapping(column: number, field: ImportField): void;
}

/** The header row as a number field that asks the core on Enter or leaving it (keyed by the row, so it resets). */
function HeaderRowField({ header, onHeader }: { header: HeaderChoice; onHeader(header: HeaderChoice): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(header.row));
  const commit = () => {
    const row = Number.parseInt(text, 10);
    if (Number.isInteger(row) && row >= 0 && row <= 200 && row !== header.row) onHeader({ ...header, row });
    else setText(String(header.row));
  };
  return (
    <TextField
      label={t('unitImport.mapping.headerRow')}
      type="number"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
      helperText={t('unitImport.mapping.headerRowHelp')}
      slotProps={{ htmlInput: { min: 0, max: 200 } }}
      sx={{ width: 220 }}
      fullWidth={false}
    />
  );
}

/** Step 2: which sheet, how its text is read, where the header is, and which column feeds which field. */
export function MappingStep({ state, onSheet, onEncoding, onHeader, onMapping }: MappingStepProps) {
  const { t } = useTranslation();
  const mappingTitleId = useId();
  const topRowsTitleId = useId();
  const { inspected, analyzed } = state;
  if (!inspected) return null;
  const headerEnd = analyzed && analyzed.header.row > 0 ? analyzed.header.row + analyzed.header.lines - 1 : 0;
  const delimiter = analyzed?.delimiter === '\t' ? t('unitImport.mapping.tab') : analyzed?.delimiter;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap alignItems="flex-start">
        <TextField
          select
          label={t('unitImport.mapping.sheet')}
          value={state.sheet}
          onChange={(event) => onSheet(Number(event.target.value))}
          slotProps={{ select: { native: true } }}
          fullWidth={false}
          sx={{ minWidth: 260 }}
          disabled={inspected.sheets.length < 2}
        >
          {inspected.sheets.map((sheet) => (
            <option key={sheet.index} value={sheet.index}>
              {t(sheet.hidden ? 'unitImport.mapping.sheetHidden' : 'unitImport.mapping.sheetOption', {
                name: sheet.name,
                rows: sheet.rowCount,
              })}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label={t('unitImport.mapping.encoding')}
          value={state.encoding}
          onChange={(event) => onEncoding(event.target.value as TextEncodingChoice)}
          slotProps={{ select: { native: true } }}
          fullWidth={false}
          sx={{ minWidth: 260 }}
        >
          {TEXT_ENCODINGS.filter((encoding) => inspected.format === 'csv' || encoding !== 'windows-1258').map(
            (encoding) => (
              <option key={encoding} value={encoding}>
                {t(`unitImport.encodings.${encoding}`)}
              </option>
            ),
          )}
        </TextField>
        <HeaderRowField key={state.header.row} header={state.header} onHeader={onHeader} />
        <TextField
          select
          label={t('unitImport.mapping.headerLines')}
          value={state.header.lines}
          onChange={(event) => onHeader({ ...state.header, lines: event.target.value === '2' ? 2 : 1 })}
          slotProps={{ select: { native: true } }}
          fullWidth={false}
          sx={{ minWidth: 220 }}
          disabled={state.header.row === 0}
        >
          <option value={1}>{t('unitImport.mapping.oneLine')}</option>
          <option value={2}>{t('unitImport.mapping.twoLines')}</option>
        </TextField>
      </Stack>
      {state.busy === 'analyzing' && <LinearProgress aria-label={t('common.loading')} />}
      {analyzed && (
        <Stack spacing={1} aria-live="polite">
          <Typography variant="body2" color="text.secondary">
            {encodingSentence(t, analyzed)} {delimiter && t('unitImport.mapping.delimiter', { delimiter })}{' '}
            {analyzed.detectedHeader && t('unitImport.mapping.headerFound', { row: analyzed.detectedHeader.row })}
          </Typography>
          {analyzed.rowCount === 0 ? (
            <Alert severity="warning">
              {t('unitImport.errors.emptySheet', { sheet: inspected.sheets[state.sheet]?.name ?? '' })}
            </Alert>
          ) : (
            !analyzed.detectedHeader && <Alert severity="warning">{t('unitImport.mapping.noHeader')}</Alert>
          )}
        </Stack>
      )}
      {state.error && (
        <Alert severity="error" role="alert">
          {state.error}
        </Alert>
      )}
      {analyzed && (
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', lg: 'minmax(420px, 1fr) minmax(380px, 1fr)' },
            gap: 3,
          }}
        >
          <Box component="section" aria-labelledby={mappingTitleId}>
            <Typography id={mappingTitleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
              {t('unitImport.mapping.columnsTitle')}
            </Typography>
            {!state.mapping.includes('name') && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {t('unitImport.mapping.needName')}
              </Alert>
            )}
            <Stack spacing={1}>
              {analyzed.columns.map((column) => {
                const label = column.label
                  ? t('unitImport.mapping.columnLabel', { letter: column.letter, label: column.label })
                  : t('unitImport.mapping.columnLabelEmpty', { letter: column.letter });
                const field = state.mapping[column.index] ?? 'ignore';
                return (
                  <Box
                    key={column.index}
                    sx={{
                      display: 'grid',
                      gridTemplateColumns: 'minmax(180px, 1fr) 220px',
                      gap: 1.5,
                      alignItems: 'center',
                      p: 1,
                      borderRadius: 1,
                      bgcolor: field === 'ignore' ? 'transparent' : 'action.hover',
                    }}
                  >
                    <Box sx={{ minWidth: 0 }}>
                      <Typography sx={{ fontWeight: 500 }} noWrap title={label}>
                        {label}
                      </Typography>
                      <Typography variant="caption" color="text.secondary" noWrap component="p">
                        {column.samples.length > 0
                          ? t('unitImport.mapping.samples', { values: column.samples.join(' · ') })
                          : t('unitImport.mapping.noSamples')}
                      </Typography>
                    </Box>
                    <TextField
                      select
                      size="small"
                      fullWidth={false}
                      value={field}
                      onChange={(event) => onMapping(column.index, event.target.value as ImportField)}
                      slotProps={{ select: { native: true }, htmlInput: { 'aria-label': label } }}
                    >
                      {IMPORT_FIELDS.map((option) => (
                        <option key={option} value={option}>
                          {t(`unitImport.fields.${option}`)}
                        </option>
                      ))}
                    </TextField>
                  </Box>
                );
              })}
            </Stack>
          </Box>
          <Box component="section" aria-labelledby={topRowsTitleId} sx={{ minWidth: 0 }}>
            <Typography id={topRowsTitleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
              {t('unitImport.mapping.topRows')}
            </Typography>
            <Box sx={{ overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 420 }}>
              <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: 13, width: 'max-content' }}>
                <thead>
                  <tr>
                    <Box component="th" sx={{ px: 1, py: 0.5, bgcolor: 'grey.100', position: 'sticky', top: 0 }}>
                      {t('unitImport.mapping.rowNumber')}
                    </Box>
                    {analyzed.columns.slice(0, 30).map((column) => (
                      <Box
                        component="th"
                        key={column.index}
                        sx={{ px: 1, py: 0.5, bgcolor: 'grey.100', position: 'sticky', top: 0, fontWeight: 600 }}
                      >
                        {columnLetter(column.index)}
                      </Box>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {analyzed.topRows.map((row, index) => {
                    const number = index + 1;
                    const isHeader = analyzed.header.row > 0 && number >= analyzed.header.row && number <= headerEnd;
                    return (
                      <Box
                        component="tr"
                        key={number}
                        sx={{ bgcolor: isHeader ? 'primary.50' : undefined, fontWeight: isHeader ? 600 : undefined }}
                      >
                        <Box
                          component="td"
                          sx={{ px: 1, color: 'text.secondary', borderTop: 1, borderColor: 'divider' }}
                        >
                          {number}
                        </Box>
                        {analyzed.columns.slice(0, 30).map((column) => (
                          <Box
                            component="td"
                            key={column.index}
                            sx={{
                              px: 1,
                              py: 0.25,
                              maxWidth: 220,
                              overflow: 'hidden',
                              textOverflow: 'ellipsis',
                              whiteSpace: 'nowrap',
                              borderTop: 1,
                              borderColor: 'divider',
                              bgcolor: isHeader ? 'rgba(25, 118, 210, 0.08)' : undefined,
                            }}
                            title={row[column.index] ?? ''}
                          >
                            {row[column.index] ?? ''}
                          </Box>
                        ))}
                      </Box>
                    );
                  })}
                </tbody>
              </Box>
            </Box>
          </Box>
        </Box>
      )}
    </Stack>
  );
}

/**
 * What was found, in one sentence that cannot contradict itself: "Bảng tính; 42 ô phông TCVN3
 * đã chuyển sang Unicode." rather than "Bảng tính (Unicode)" beside "converted from TCVN3".
 */
function encodingSentence(t: TFunction, analyzed: AnalyzeResult): string {
  const converted = analyzed.convertedCells > 0 && analyzed.legacy !== 'none';
  const legacy = analyzed.legacy === 'none' ? '' : t(`unitImport.legacyFonts.${analyzed.legacy}`);
  if (analyzed.detectedEncoding === 'xlsx') {
    return converted
      ? t('unitImport.mapping.foundSheetConverted', { count: analyzed.convertedCells, legacy })
      : t('unitImport.mapping.foundSheet');
  }
  const encoding = t(`unitImport.encodings.${analyzed.detectedEncoding}`);
  return converted
    ? t('unitImport.mapping.foundTextConverted', { encoding, count: analyzed.convertedCells, legacy })
    : t('unitImport.mapping.foundText', { encoding });
}
