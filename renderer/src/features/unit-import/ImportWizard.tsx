import { useId } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Step,
  StepLabel,
  Stepper,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApplyResult } from '../../../../shared/domain/unit-import';
import { useApi } from '../../api/ApiContext';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { SummaryStep } from './SummaryStep';
import { rowsToWrite, useImportWizard, type WizardStep } from './useImportWizard';

const STEPS: WizardStep[] = ['file', 'mapping', 'preview', 'summary'];

interface ImportWizardProps {
  onClose(): void;
  /** After a successful apply (the registry list reloads). */
  onImported(result: ApplyResult): void;
  /** After the import was taken back from the summary. */
  onUndone(): void;
}

/**
 * "Nhập từ Excel": choose a file → sheet and columns → preview → result. Nothing is written
 * before "Nhập dữ liệu"; closing at any step discards the file read so far.
 */
export function ImportWizard({ onClose, onImported, onUndone }: ImportWizardProps) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const { state, actions } = useImportWizard(api, t('common.unexpected'));
  const close = () => {
    actions.discard();
    onClose();
  };
  const toWrite = rowsToWrite(state);
  const applying = state.busy === 'applying';

  const apply = async () => {
    const result = await actions.apply();
    if (result) onImported(result);
  };

  return (
    <Dialog
      open
      onClose={applying ? undefined : close}
      fullWidth
      maxWidth="xl"
      aria-labelledby={titleId}
      slotProps={{ paper: { sx: { height: '92vh' } } }}
    >
      <DialogTitle id={titleId}>{t('unitImport.wizardTitle')}</DialogTitle>
      <Box sx={{ px: 3, pb: 1 }}>
        <Stepper activeStep={STEPS.indexOf(state.step)}>
          {STEPS.map((step) => (
            <Step key={step}>
              <StepLabel>{t(`unitImport.steps.${step}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
      </Box>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        {state.step === 'file' && (
          <FileStep state={state} onChoose={() => void actions.chooseFile(t('unitImport.file.filterName'))} />
        )}
        {state.step === 'mapping' && (
          <MappingStep
            state={state}
            onSheet={actions.changeSheet}
            onEncoding={actions.changeEncoding}
            onHeader={actions.changeHeader}
            onMapping={actions.changeMapping}
          />
        )}
        {state.step === 'preview' && (
          <PreviewStep
            state={state}
            onCorrect={actions.correctRow}
            onToggle={actions.toggleRow}
            onUpdateExisting={actions.setUpdateExisting}
          />
        )}
        {state.step === 'summary' && state.result && <SummaryStep result={state.result} onUndone={onUndone} />}
      </DialogContent>
      <DialogActions>
        {state.step === 'summary' ? (
          <Button variant="contained" onClick={close} autoFocus>
            {t('unitImport.summary.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={applying}>
              {t('common.cancel')} (Esc)
            </Button>
            {state.step !== 'file' && (
              <Button onClick={actions.back} disabled={state.busy !== null}>
                {t('unitImport.mapping.back')}
              </Button>
            )}
            {state.step === 'mapping' && (
              <Button
                variant="contained"
                onClick={actions.toPreview}
                disabled={state.busy !== null || !state.mapping.includes('name')}
              >
                {t('unitImport.mapping.next')}
              </Button>
            )}
            {state.step === 'preview' && (
              <Button variant="contained" onClick={() => void apply()} disabled={state.busy !== null || toWrite === 0}>
                {applying
                  ? t('unitImport.preview.applying')
                  : toWrite === 0
                    ? t('unitImport.preview.applyNothing')
                    : t('unitImport.preview.apply', { count: toWrite })}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
