import { memo } from 'react';
import { Box, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReportFields } from '../../../../shared/domain/report';
import { DateField } from '../inspections/DateField';

interface ReportFieldsFormProps {
  fields: ReportFields;
  readOnly: boolean;
  onChange(fields: ReportFields): void;
}

/** What is printed around the text: header, number, place and date, subject, signature, recipients. */
export const ReportFieldsForm = memo(function ReportFieldsForm({ fields, readOnly, onChange }: ReportFieldsFormProps) {
  const { t } = useTranslation();
  const text = (
    name: Exclude<keyof ReportFields, 'reportDate' | 'withCharts'>,
    options: { multiline?: boolean; wide?: boolean } = {},
  ) => (
    <TextField
      size="small"
      label={t(`reports.fields.${name}`)}
      value={fields[name]}
      onChange={(event) => onChange({ ...fields, [name]: event.target.value })}
      multiline={options.multiline ?? false}
      minRows={options.multiline ? 2 : undefined}
      helperText={t(`reports.fieldsHelp.${name}`)}
      slotProps={{ htmlInput: { readOnly } }}
      sx={{ gridColumn: options.wide ? '1 / -1' : undefined }}
    />
  );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
      {text('parentBody')}
      {text('issuingBody')}
      {text('number')}
      {text('place')}
      <DateField
        size="small"
        label={t('reports.fields.reportDate')}
        value={fields.reportDate}
        readOnly={readOnly}
        onChange={(reportDate) => onChange({ ...fields, reportDate })}
        helperText={t('reports.fieldsHelp.reportDate')}
      />
      {text('title', { wide: true })}
      {text('signerTitle', { multiline: true })}
      {text('signerName')}
      {text('recipients', { multiline: true })}
    </Box>
  );
});
