import { useCallback, useEffect, useId, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Stack,
  Typography,
} from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import FolderIcon from '@mui/icons-material/Folder';
import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFile';
import UsbIcon from '@mui/icons-material/Usb';
import HistoryIcon from '@mui/icons-material/History';
import ComputerIcon from '@mui/icons-material/Computer';
import { useTranslation } from 'react-i18next';
import type { FolderListing, FolderPlaces, FolderPurpose } from '../../../../shared/domain/folders';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';

export interface FolderBrowseRequest {
  /** A folder to write into, or a file (with these extensions) to read. */
  pick: 'folder' | 'file';
  purpose: FolderPurpose;
  title: string;
  extensions?: string[];
}

interface FolderBrowserDialogProps {
  request: FolderBrowseRequest;
  onDone(path: string | null): void;
}

/**
 * Browser mode's own chooser, over the server's folder listing: USB sticks and network drives
 * first, then the folder used last time, then the computer's roots; the user walks down to a
 * folder (or a file to restore). Only names and paths are shown, never a file's content.
 */
export function FolderBrowserDialog({ request, onDone }: FolderBrowserDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const [places, setPlaces] = useState<FolderPlaces | null>(null);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const open = useCallback(
    (path: string) => {
      setFailure(null);
      api
        .call('folders.list', { path, extensions: request.pick === 'file' ? (request.extensions ?? []) : [] })
        .then(setListing)
        .catch((error: unknown) => setFailure(errorMessage(error, t('common.unexpected'))));
    },
    [api, request.extensions, request.pick, t],
  );

  useEffect(() => {
    api
      .call('folders.places', { purpose: request.purpose })
      .then((found) => {
        setPlaces(found);
        const start = found.lastUsed ?? found.drives[0]?.path ?? found.roots[0]?.path;
        if (start) open(start);
      })
      .catch((error: unknown) => setFailure(errorMessage(error, t('common.unexpected'))));
  }, [api, open, request.purpose, t]);

  const place = (path: string, label: string, icon: React.ReactNode) => (
    <ListItemButton key={path} selected={listing?.path === path} onClick={() => open(path)} dense>
      <ListItemIcon sx={{ minWidth: 34 }}>{icon}</ListItemIcon>
      <ListItemText primary={label} secondary={label === path ? undefined : path} />
    </ListItemButton>
  );

  return (
    <Dialog open onClose={() => onDone(null)} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{request.title}</DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        <Stack direction="row" sx={{ height: 420 }}>
          <Box sx={{ width: 260, overflow: 'auto', borderRight: 1, borderColor: 'divider' }}>
            {places && places.drives.length > 0 && (
              <List dense subheader={<ListSubheader>{t('files.chooser.drives')}</ListSubheader>}>
                {places.drives.map((drive) => place(drive.path, drive.label, <UsbIcon fontSize="small" />))}
              </List>
            )}
            {places?.lastUsed && (
              <List dense subheader={<ListSubheader>{t('files.chooser.lastUsed')}</ListSubheader>}>
                {place(places.lastUsed, places.lastUsed, <HistoryIcon fontSize="small" />)}
              </List>
            )}
            {places && (
              <List dense subheader={<ListSubheader>{t('files.chooser.computer')}</ListSubheader>}>
                {places.roots.map((root) => place(root.path, root.label, <ComputerIcon fontSize="small" />))}
              </List>
            )}
          </Box>
          <Box sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
            <Stack direction="row" spacing={1} alignItems="center" sx={{ px: 2, py: 1 }}>
              <Button
                size="small"
                startIcon={<ArrowUpwardIcon />}
                disabled={!listing?.parent}
                onClick={() => listing?.parent && open(listing.parent)}
              >
                {t('files.chooser.up')}
              </Button>
              <Typography
                variant="body2"
                aria-label={t('files.chooser.path')}
                sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
              >
                {listing?.path ?? ''}
              </Typography>
            </Stack>
            <Divider />
            {failure && (
              <Alert severity="error" role="alert" sx={{ m: 2 }}>
                {failure}
              </Alert>
            )}
            <List dense aria-label={t('files.chooser.listLabel')} sx={{ overflow: 'auto', flexGrow: 1 }}>
              {listing?.folders.map((folder) => (
                <ListItemButton key={folder.path} onClick={() => open(folder.path)}>
                  <ListItemIcon sx={{ minWidth: 34 }}>
                    <FolderIcon fontSize="small" color="primary" />
                  </ListItemIcon>
                  <ListItemText primary={folder.name} />
                </ListItemButton>
              ))}
              {request.pick === 'file' &&
                listing?.files.map((file) => (
                  <ListItemButton key={file.path} onClick={() => onDone(file.path)}>
                    <ListItemIcon sx={{ minWidth: 34 }}>
                      <InsertDriveFileIcon fontSize="small" />
                    </ListItemIcon>
                    <ListItemText primary={file.name} />
                  </ListItemButton>
                ))}
            </List>
            {listing && listing.folders.length === 0 && (request.pick === 'folder' || listing.files.length === 0) && (
              <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 2 }}>
                {request.pick === 'file' ? t('files.chooser.noFiles') : t('files.chooser.empty')}
              </Typography>
            )}
            {listing?.truncated && (
              <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
                {t('files.chooser.truncated', { count: listing.folders.length })}
              </Typography>
            )}
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onDone(null)}>{t('common.cancel')}</Button>
        {request.pick === 'folder' && (
          <Button variant="contained" disabled={!listing} onClick={() => listing && onDone(listing.path)}>
            {t('files.chooser.choose')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
