import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  Alert,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FolderPlaces, FolderPurpose } from '../../../../shared/domain/folders';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { formatSize } from '../../features/backup/backup-text';

interface DestinationPickerProps {
  /** Each purpose remembers its own last folder. */
  purpose: FolderPurpose;
  /** The group's label ("Lưu vào"). */
  label: string;
  /** The title of the folder chooser ("Chọn thư mục để lưu…"). */
  chooseTitle: string;
  value: string;
  onChange(path: string): void;
  disabled?: boolean;
  /** Told of the drives and last folder found (e.g. to say "có thể rút USB" afterwards). */
  onPlaces?(places: FolderPlaces): void;
}

interface Destination {
  path: string;
  label: string;
}

/**
 * Where a file is written: USB sticks and network drives first (the first one chosen), then
 * the folder used last time for this purpose, then any folder through the system dialog or the
 * app's own chooser. Used by "Sao lưu ngay" and "Gửi dữ liệu".
 */
export function DestinationPicker({
  purpose,
  label,
  chooseTitle,
  value,
  onChange,
  disabled = false,
  onPlaces,
}: DestinationPickerProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const labelId = useId();
  const [places, setPlaces] = useState<FolderPlaces | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The newest value and callbacks, without reloading the places each time they change.
  const latest = useRef({ value, onChange, onPlaces });
  useEffect(() => {
    latest.current = { value, onChange, onPlaces };
  });

  const loadPlaces = useCallback(() => {
    api
      .call('folders.places', { purpose })
      .then((found) => {
        setPlaces(found);
        latest.current.onPlaces?.(found);
        if (!latest.current.value) {
          const first = found.drives[0]?.path ?? found.lastUsed ?? '';
          if (first) latest.current.onChange(first);
        }
      })
      .catch((error: unknown) => setFailure(errorMessage(error, t('common.unexpected'))));
  }, [api, purpose, t]);
  useEffect(loadPlaces, [loadPlaces]);
  const refresh = () => {
    setFailure(null);
    loadPlaces();
  };

  const destinations: Destination[] = [];
  for (const drive of places?.drives ?? []) {
    destinations.push({
      path: drive.path,
      label: t('backup.now.drive', {
        kind: t(`backup.now.driveKinds.${drive.kind}`),
        label: drive.label,
        path: drive.path,
        free: drive.freeBytes === null ? '?' : formatSize(drive.freeBytes, i18n.language),
      }),
    });
  }
  if (places?.lastUsed && !destinations.some((destination) => destination.path === places.lastUsed)) {
    destinations.push({ path: places.lastUsed, label: t('backup.now.lastUsed', { folder: places.lastUsed }) });
  }
  if (chosen && !destinations.some((destination) => destination.path === chosen)) {
    destinations.push({ path: chosen, label: t('backup.now.chosen', { folder: chosen }) });
  }

  const chooseOther = async () => {
    try {
      const folder = await api.chooseFolder({ purpose, title: chooseTitle });
      if (folder) {
        setChosen(folder);
        onChange(folder);
      }
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    }
  };

  return (
    <FormControl disabled={disabled}>
      <FormLabel id={labelId}>{label}</FormLabel>
      {places && places.drives.length === 0 && (
        <FormHelperText sx={{ mx: 0 }}>{t('backup.now.noDrive')}</FormHelperText>
      )}
      <RadioGroup aria-labelledby={labelId} value={value} onChange={(event) => onChange(event.target.value)}>
        {destinations.map((destination) => (
          <FormControlLabel
            key={destination.path}
            value={destination.path}
            control={<Radio />}
            label={destination.label}
            sx={{ wordBreak: 'break-all' }}
          />
        ))}
      </RadioGroup>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="outlined" size="small" onClick={() => void chooseOther()} disabled={disabled}>
          {t('backup.now.otherFolder')}
        </Button>
        <Button size="small" onClick={refresh} disabled={disabled}>
          {t('backup.now.refresh')}
        </Button>
      </Stack>
      {failure && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {failure}
        </Alert>
      )}
    </FormControl>
  );
}

/** Whether `folder` is on one of the sticks or network drives found (so "có thể rút USB" applies). */
export function driveKindOf(places: FolderPlaces | null, folder: string): 'removable' | 'network' | null {
  const drive = places?.drives.find(
    (candidate) =>
      folder === candidate.path ||
      folder.startsWith(candidate.path.replace(/[\\/]?$/, '/')) ||
      folder.startsWith(candidate.path.replace(/[\\/]?$/, '\\')),
  );
  return drive?.kind ?? null;
}
