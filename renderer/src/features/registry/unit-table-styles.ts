import { styled } from '@mui/material/styles';

export const ROW_HEIGHT = 40;
// Fits a 1366-pixel office screen beside the navigation.
const COLUMNS = '112px minmax(220px, 2.2fr) 190px 110px minmax(150px, 1fr) 125px 136px 44px';

/**
 * All of the grid's styles in one class. Rows are plain elements with class names: with
 * thousands of rows scrolling by, per-row `sx` objects and MUI components cost more than the
 * query itself (measured in tests/bench/registry-ui.bench.ts).
 */
export const GridFrame = styled('div')(({ theme }) => ({
  flexGrow: 1,
  minHeight: 0,
  display: 'flex',
  flexDirection: 'column',
  backgroundColor: theme.palette.background.paper,
  border: `1px solid ${theme.palette.divider}`,
  borderRadius: theme.shape.borderRadius,
  '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
  '& .head': {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    height: 38,
    borderBottom: `1px solid ${theme.palette.divider}`,
    backgroundColor: theme.palette.grey[50],
  },
  '& .head > div': {
    padding: '0 8px',
    display: 'flex',
    alignItems: 'center',
    fontWeight: 600,
    fontSize: 13,
    color: theme.palette.text.secondary,
    userSelect: 'none',
  },
  '& .head > .sortable': { cursor: 'pointer' },
  '& .head > [aria-sort]': { color: theme.palette.primary.main },
  '& .scroller': { flexGrow: 1, minHeight: 0, overflow: 'auto', position: 'relative' },
  '& .row': {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontSize: 14,
    cursor: 'default',
    contain: 'strict',
  },
  '& .row:hover': { backgroundColor: theme.palette.action.hover },
  '& .row[aria-selected="true"]': { backgroundColor: theme.palette.action.selected },
  '& .row.inactive': { color: theme.palette.text.disabled },
  '& .cell': { padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .named': { display: 'flex', alignItems: 'center', minWidth: 0 },
  // A long name takes two lines (the row is tall enough) instead of ending in "…".
  '& .cell.wraps': {
    whiteSpace: 'normal',
    lineHeight: 1.2,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
  },
  '& .name': {
    fontWeight: 500,
    overflow: 'hidden',
    minWidth: 0,
    whiteSpace: 'normal',
    lineHeight: 1.2,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
  },
  '& .badge': {
    flexShrink: 0,
    marginLeft: 8,
    padding: '0 8px',
    borderRadius: 10,
    fontSize: 11,
    lineHeight: '18px',
    border: `1px solid ${theme.palette.warning.main}`,
    color: theme.palette.warning.dark,
  },
  '& .status': {
    display: 'inline-block',
    padding: '0 10px',
    borderRadius: 11,
    fontSize: 12,
    lineHeight: '20px',
    border: `1px solid ${theme.palette.success.main}`,
    color: theme.palette.success.dark,
  },
  '& .row.inactive .status': {
    borderColor: theme.palette.grey[400],
    color: theme.palette.text.secondary,
    backgroundColor: theme.palette.grey[200],
  },
  '& .edit': {
    width: 32,
    height: 32,
    border: 0,
    borderRadius: '50%',
    background: 'transparent',
    color: theme.palette.action.active,
    cursor: 'pointer',
    display: 'grid',
    placeItems: 'center',
  },
  '& .edit:hover': { backgroundColor: theme.palette.action.hover },
  '& .placeholder': {
    gridColumn: '1 / -1',
    margin: '0 8px',
    height: 12,
    width: '60%',
    borderRadius: 4,
    backgroundColor: theme.palette.action.hover,
  },
}));
