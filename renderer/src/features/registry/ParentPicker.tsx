import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useApiQuery } from '../../api/useApiQuery';

interface ParentOption {
  id: string;
  name: string;
}

interface ParentPickerProps {
  value: ParentOption | null;
  excludeId: string | null;
  error?: string | undefined;
  onChange(value: ParentOption | null): void;
}

/** Choose the parent unit by typing part of its name (diacritics optional). */
export function ParentPicker({ value, excludeId, error, onChange }: ParentPickerProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const query = useApiQuery('registry.list', { query: input, limit: 20, active: 'active' });
  const options: ParentOption[] = (query.data?.rows ?? [])
    .filter((unit) => unit.id !== excludeId)
    .map((unit) => ({ id: unit.id, name: unit.name }));

  return (
    <Autocomplete
      value={value}
      options={options}
      filterOptions={(list) => list}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      onChange={(_, next) => onChange(next)}
      onInputChange={(_, next, reason) => {
        if (reason === 'input') setInput(next);
      }}
      loading={query.loading}
      loadingText={t('common.loading')}
      // A failed search says why in the list instead of claiming nothing matches.
      noOptionsText={query.error ? errorMessage(query.error, t('common.unexpected')) : t('registry.noMatch')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('registry.fields.parent')}
          error={error !== undefined}
          helperText={error ? t(error) : ' '}
        />
      )}
    />
  );
}
