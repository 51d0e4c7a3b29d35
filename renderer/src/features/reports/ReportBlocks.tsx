import { memo } from 'react';
import {
  Box,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import AddIcon from '@mui/icons-material/Add';
import BarChartIcon from '@mui/icons-material/BarChart';
import { useTranslation } from 'react-i18next';
import type { ReportBlock, ReportRun } from '../../../../shared/domain/report';
import { RichParagraph } from './RichParagraph';

interface ReportBlocksProps {
  blocks: ReportBlock[];
  /** Bumped when the text is replaced from outside: every paragraph mounts again. */
  generation: number;
  readOnly: boolean;
  onRuns(id: string, runs: ReportRun[]): void;
  onMove(id: string, by: -1 | 1): void;
  onDelete(id: string): void;
  onAddAfter(id: string | null): void;
  /** Paragraphs of these lines after the block (a paste of several lines). */
  onAddLinesAfter(id: string, lines: string[]): void;
  onCount(ref: string): void;
}

/** A block's accessible name: "Đoạn 12", "Đề mục 3", "Biểu đồ: …". */
export function blockLabel(
  t: (key: string, params?: Record<string, unknown>) => string,
  block: ReportBlock,
  number: number,
): string {
  if (block.kind === 'heading') return t('reports.editor.heading', { number });
  if (block.kind === 'chart') return t('reports.editor.chart', { title: block.chart.title });
  if (block.kind === 'table') return t('reports.editor.table', { number });
  return t('reports.editor.paragraph', { number });
}

interface BlockRowProps {
  block: ReportBlock;
  index: number;
  count: number;
  generation: number;
  readOnly: boolean;
  onRuns(id: string, runs: ReportRun[]): void;
  onMove(id: string, by: -1 | 1): void;
  onDelete(id: string): void;
  onAddAfter(id: string | null): void;
  /** Paragraphs of these lines after the block (a paste of several lines). */
  onAddLinesAfter(id: string, lines: string[]): void;
  onCount(ref: string): void;
}

/**
 * One block and its controls. Memoised: typing in a paragraph renders that paragraph's row
 * only (the handlers are stable, and a paragraph's own text is in the browser's hands).
 */
const BlockRow = memo(function BlockRow(props: BlockRowProps) {
  const { block, index, count, generation, readOnly, onRuns, onMove, onDelete, onAddAfter, onAddLinesAfter, onCount } =
    props;
  const { t } = useTranslation();
  const label = blockLabel(t, block, index + 1);
  return (
    <Box
      data-block={block.id}
      role="listitem"
      sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, '&:hover .block-controls': { opacity: 1 } }}
    >
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        {(block.kind === 'paragraph' || block.kind === 'heading') && (
          <RichParagraph
            key={`${block.id}:${generation}`}
            runs={block.runs}
            label={label}
            variant={block.kind === 'heading' ? block.level : 'paragraph'}
            readOnly={readOnly}
            onChange={(runs) => onRuns(block.id, runs)}
            onCount={onCount}
            onEnter={() => onAddAfter(block.id)}
            onPasteLines={(lines) => onAddLinesAfter(block.id, lines)}
            onKeyDown={(event) => {
              if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
                event.preventDefault();
                onMove(block.id, event.key === 'ArrowUp' ? -1 : 1);
              }
            }}
          />
        )}
        {block.kind === 'chart' && (
          <Paper
            variant="outlined"
            role="figure"
            aria-label={label}
            sx={{ p: 1.5, my: 0.5, display: 'flex', gap: 1, alignItems: 'center' }}
          >
            <BarChartIcon color="action" />
            <Box>
              <Typography sx={{ fontStyle: 'italic', fontWeight: 600 }}>{block.chart.title}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t('reports.editor.chartHelp')}
              </Typography>
            </Box>
          </Paper>
        )}
        {block.kind === 'table' && (
          <Box sx={{ my: 0.5 }}>
            {block.intro && <Typography sx={{ mb: 0.5 }}>{block.intro}</Typography>}
            <Table size="small" aria-label={label}>
              <TableHead>
                <TableRow>
                  {block.table.columns.map((column, at) => (
                    <TableCell key={at}>{column.title}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {block.table.rows.map((row, at) => (
                  <TableRow key={at}>
                    {'group' in row ? (
                      <TableCell colSpan={block.table.columns.length} sx={{ fontWeight: 600 }}>
                        {row.group}
                      </TableCell>
                    ) : (
                      row.cells.map((cell, column) => <TableCell key={column}>{cell}</TableCell>)
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Box>
      {!readOnly && (
        <Stack
          direction="row"
          spacing={0}
          className="block-controls"
          sx={{ opacity: 0.35, '&:focus-within': { opacity: 1 } }}
        >
          <Tooltip describeChild title={`${t('reports.editor.moveUp')} (Alt+↑)`}>
            <span>
              <IconButton
                size="small"
                aria-label={`${t('reports.editor.moveUp')}: ${label}`}
                disabled={index === 0}
                onClick={() => onMove(block.id, -1)}
              >
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip describeChild title={`${t('reports.editor.moveDown')} (Alt+↓)`}>
            <span>
              <IconButton
                size="small"
                aria-label={`${t('reports.editor.moveDown')}: ${label}`}
                disabled={index === count - 1}
                onClick={() => onMove(block.id, 1)}
              >
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip describeChild title={t('reports.editor.addAfter')}>
            <IconButton
              size="small"
              aria-label={`${t('reports.editor.addAfter')}: ${label}`}
              onClick={() => onAddAfter(block.id)}
            >
              <AddIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip describeChild title={t('reports.editor.delete')}>
            <IconButton
              size="small"
              aria-label={`${t('reports.editor.delete')}: ${label}`}
              onClick={() => onDelete(block.id)}
            >
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      )}
    </Box>
  );
});

/**
 * The report's text, block by block, as it will print: paragraphs and headings edited in place;
 * tables and charts shown as they are (drawn in full in the preview). Each block can be moved
 * (Alt+↑ / Alt+↓ while typing in it), deleted, or followed by a new paragraph.
 */
export function ReportBlocks({ blocks, ...rest }: ReportBlocksProps) {
  const { t } = useTranslation();
  return (
    <Stack spacing={0.25} role="list" aria-label={t('reports.editor.textLabel')}>
      {blocks.map((block, index) => (
        <BlockRow key={block.id} block={block} index={index} count={blocks.length} {...rest} />
      ))}
    </Stack>
  );
}
