import { useState } from 'react';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import GridOnIcon from '@mui/icons-material/GridOn';
import DescriptionIcon from '@mui/icons-material/Description';
import { useTranslation } from 'react-i18next';
import type { CsvSeparator, ExportRequest } from '../../../../shared/api/unit-import';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useNotifier } from '../../components/Notifier';
import { ImportWizard } from './ImportWizard';

interface RegistryTransferButtonsProps {
  /** The registry's current search and filters: "export" writes what the list shows. */
  filter: ExportRequest;
  /** Called after an import wrote something, so the list reloads. */
  onImported(): void;
}

/** "Nhập từ Excel" and "Xuất danh sách" (.xlsx or .csv) beside the registry's title. */
export function RegistryTransferButtons({ filter, onImported }: RegistryTransferButtonsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { notify } = useNotifier();
  const [importing, setImporting] = useState(false);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [exporting, setExporting] = useState(false);

  /** 'xlsx', or a CSV with the list separator the office's Excel expects. */
  const exportAs = async (format: 'xlsx' | CsvSeparator) => {
    setMenu(null);
    setExporting(true);
    try {
      const request: ExportRequest = {
        query: filter.query,
        kinds: filter.kinds,
        managingBodies: filter.managingBodies,
        schoolLevels: filter.schoolLevels,
        schoolTypes: filter.schoolTypes,
        active: filter.active,
        sort: filter.sort,
      };
      const { download, count } =
        format === 'xlsx'
          ? await api.call('unitExport.xlsx', request)
          : await api.call('unitExport.csv', { ...request, separator: format });
      if (count === 0) {
        notify({ message: t('unitImport.exportEmpty'), severity: 'info' });
        return;
      }
      const saved = await api.saveDownload(download);
      if (saved) notify({ message: t('unitImport.exportDone', { count, file: download.fileName }) });
    } catch (error) {
      notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Tooltip title={t('unitImport.importShortcut')} describeChild>
        <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
          {t('unitImport.importButton')}
        </Button>
      </Tooltip>
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        onClick={(event) => setMenu(event.currentTarget)}
        disabled={exporting}
        aria-haspopup="menu"
        aria-expanded={menu !== null}
      >
        {t('unitImport.exportButton')}
      </Button>
      <Menu
        anchorEl={menu}
        open={menu !== null}
        onClose={() => setMenu(null)}
        slotProps={{ list: { 'aria-label': t('unitImport.exportMenuLabel') } }}
      >
        <MenuItem onClick={() => void exportAs('xlsx')}>
          <ListItemIcon>
            <GridOnIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('unitImport.exportXlsx')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={() => void exportAs('comma')}>
          <ListItemIcon>
            <DescriptionIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={t('unitImport.exportCsv')} secondary={t('unitImport.exportCsvHint')} />
        </MenuItem>
        <MenuItem onClick={() => void exportAs('semicolon')}>
          <ListItemIcon>
            <DescriptionIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary={t('unitImport.exportCsvSemicolon')}
            secondary={t('unitImport.exportCsvSemicolonHint')}
          />
        </MenuItem>
      </Menu>
      {importing && (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={(result) => {
            if (result.created + result.updated > 0) onImported();
            notify({ message: t('unitImport.summary.notice', { created: result.created, updated: result.updated }) });
          }}
          onUndone={onImported}
        />
      )}
    </>
  );
}
