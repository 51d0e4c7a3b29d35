import { useState } from 'react';
import { Box, Button, IconButton, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useTranslation } from 'react-i18next';
import { lockedKey } from './locked-key';
import type { InspectionRequest } from '../../../../shared/domain/inspection';
import { newRowId } from '../../../../shared/domain/row-id';
import { DateField } from './DateField';

interface RequestsEditorProps {
  requests: InspectionRequest[];
  readOnly: boolean;
  /** On a finalised record the remedy date stays editable: it is recorded, not amended. */
  locked: boolean;
  errors: Record<string, string>;
  onChange(requests: InspectionRequest[]): void;
  onRemedied(requestId: string, date: string | null): void;
  onLockedAttempt(): void;
}

/** Requests to the unit (kiến nghị, yêu cầu): text, deadline, and later the date it was remedied. */
export function RequestsEditor(props: RequestsEditorProps) {
  const { requests, readOnly, locked, errors } = props;
  const { t } = useTranslation();
  // The request just added takes the keyboard, so the clerk types it straight away.
  const [added, setAdded] = useState<string | null>(null);
  const add = () => {
    const request = { id: newRowId(), text: '', dueDate: null, remediedDate: null };
    setAdded(request.id);
    props.onChange([...requests, request]);
  };
  const update = (index: number, patch: Partial<InspectionRequest>) =>
    props.onChange(requests.map((request, at) => (at === index ? { ...request, ...patch } : request)));
  return (
    <Box>
      {requests.length === 0 && readOnly && (
        <Typography variant="body2" color="text.secondary">
          {t('common.none')}
        </Typography>
      )}
      {requests.map((request, index) => {
        const label = `${t('inspections.fields.requestText')} ${index + 1}`;
        return (
          <Box
            key={request.id}
            sx={{ display: 'grid', gridTemplateColumns: 'minmax(280px, 1fr) 150px 170px 40px', gap: 1, mb: 1.5 }}
          >
            <TextField
              label={label}
              autoFocus={request.id === added}
              multiline
              minRows={1}
              maxRows={6}
              value={request.text}
              error={Boolean(errors[`requests.${index}.text`])}
              helperText={errors[`requests.${index}.text`] ? t(errors[`requests.${index}.text`] ?? '') : undefined}
              onChange={(event) => update(index, { text: event.target.value })}
              onKeyDown={(event) => lockedKey(event, readOnly, props.onLockedAttempt)}
              slotProps={{ htmlInput: { readOnly, maxLength: 2000 } }}
            />
            <DateField
              label={t('inspections.fields.dueDate')}
              value={request.dueDate}
              readOnly={readOnly}
              errorKey={errors[`requests.${index}.dueDate`]}
              onChange={(dueDate) => update(index, { dueDate })}
              slotProps={{ htmlInput: { 'aria-label': `${t('inspections.fields.dueDate')} ${index + 1}` } }}
            />
            <DateField
              label={t('inspections.fields.remediedDate')}
              value={request.remediedDate}
              readOnly={readOnly && !locked}
              commitOnly={locked && readOnly}
              onChange={(remediedDate) =>
                locked && readOnly ? props.onRemedied(request.id, remediedDate) : update(index, { remediedDate })
              }
              slotProps={{ htmlInput: { 'aria-label': `${t('inspections.fields.remediedDate')} ${index + 1}` } }}
            />
            <Tooltip title={t('inspections.editor.remove')}>
              <span>
                <IconButton
                  aria-label={t('inspections.editor.removeNamed', { name: label })}
                  disabled={readOnly}
                  onClick={() => props.onChange(requests.filter((_, at) => at !== index))}
                >
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Box>
        );
      })}
      {!readOnly && (
        <Button size="small" startIcon={<AddIcon />} onClick={add}>
          {t('inspections.editor.addRequest')}
        </Button>
      )}
    </Box>
  );
}
