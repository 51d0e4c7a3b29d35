import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../shared/domain/unit';
import { useApi } from '../../api/ApiContext';

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
  const api = useApi();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<ParentOption[]>([]);

  useEffect(() => {
    let cancelled = false;
    api
      .call('registry.list', { query: input, limit: 20, active: 'active' })
      .then((result) => {
        if (!cancelled) {
          setOptions(
            result.rows.filter((unit: Unit) => unit.id !== excludeId).map((unit) => ({ id: unit.id, name: unit.name })),
          );
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [api, input, excludeId]);

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
      noOptionsText={t('registry.noMatch')}
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
