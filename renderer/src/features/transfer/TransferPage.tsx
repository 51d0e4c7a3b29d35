import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { navigate } from '../../app/routes';
import { PageHeader } from '../../components/PageHeader';
import { ConflictsPanel } from './ConflictsPanel';
import { HistoryPanel } from './HistoryPanel';
import { ReceivePanel } from './ReceivePanel';
import { SendPanel } from './SendPanel';

const TABS = ['send', 'receive', 'conflicts', 'history'] as const;
type TabId = (typeof TABS)[number];

/**
 * "Trao đổi dữ liệu": send a package, receive one, decide conflicts, the history. Every panel
 * stays mounted while another is shown, so an opened package is not lost by looking elsewhere.
 */
export function TransferRoute({ params }: { params: string[] }) {
  const tab: TabId = (TABS as readonly string[]).includes(params[0] ?? '') ? (params[0] as TabId) : 'send';
  return <TransferPage tab={tab} />;
}

function TransferPage({ tab }: { tab: TabId }) {
  const { t } = useTranslation();
  const conflicts = useApiQuery('transfer.conflicts', {});
  const open = conflicts.data?.length ?? 0;
  const label = (id: TabId) =>
    id === 'conflicts' && open > 0 ? t('transfer.tabs.conflictsCount', { count: open }) : t(`transfer.tabs.${id}`);

  return (
    <Box sx={{ overflow: 'auto', pb: 4 }}>
      <PageHeader title={t('transfer.title')} />
      <Box sx={{ px: 3, maxWidth: 1100 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('transfer.intro')}
        </Typography>
        <Tabs
          value={tab}
          onChange={(_event, value: TabId) => navigate('transfer', value)}
          aria-label={t('transfer.tabsLabel')}
          variant="scrollable"
          scrollButtons="auto"
          sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
        >
          {TABS.map((id) => (
            <Tab
              key={id}
              value={id}
              label={label(id)}
              id={`transfer-tab-${id}`}
              aria-controls={`transfer-panel-${id}`}
              sx={id === 'conflicts' && open > 0 ? { color: 'warning.dark' } : {}}
            />
          ))}
        </Tabs>
        {TABS.map((id) => (
          <Box
            key={id}
            role="tabpanel"
            id={`transfer-panel-${id}`}
            aria-labelledby={`transfer-tab-${id}`}
            hidden={tab !== id}
          >
            {id === 'send' && <SendPanel />}
            {id === 'receive' && <ReceivePanel />}
            {id === 'conflicts' && <ConflictsPanel query={conflicts} />}
            {id === 'history' && <HistoryPanel />}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
