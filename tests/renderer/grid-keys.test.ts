import { describe, expect, it } from 'vitest';
import { gridKeyAction } from '../../renderer/src/components/grid-keys';

describe('keyboard in list grids', () => {
  it('moves, stays inside the list and starts from the top when nothing is selected', () => {
    expect(gridKeyAction('ArrowDown', -1, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(gridKeyAction('ArrowDown', 9, 10, 5)).toEqual({ kind: 'move', index: 9 });
    expect(gridKeyAction('ArrowUp', 0, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(gridKeyAction('PageDown', 2, 10, 5)).toEqual({ kind: 'move', index: 7 });
    expect(gridKeyAction('PageUp', 2, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(gridKeyAction('End', 2, 10, 5)).toEqual({ kind: 'move', index: 9 });
    expect(gridKeyAction('Home', 7, 10, 5)).toEqual({ kind: 'move', index: 0 });
  });

  it('opens with Enter or F2 and acts with Delete on the selected row', () => {
    expect(gridKeyAction('Enter', 3, 10, 5)).toEqual({ kind: 'open', index: 3 });
    expect(gridKeyAction('F2', -1, 10, 5)).toEqual({ kind: 'open', index: 0 });
    expect(gridKeyAction('Delete', 4, 10, 5)).toEqual({ kind: 'remove', index: 4 });
  });

  it('ignores other keys and empty lists', () => {
    expect(gridKeyAction('a', 3, 10, 5)).toBeNull();
    expect(gridKeyAction('ArrowDown', -1, 0, 5)).toBeNull();
  });
});
