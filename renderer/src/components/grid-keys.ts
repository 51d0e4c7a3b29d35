/** What a key pressed in a list grid asks for; shared by every grid so they all behave alike. */
export type GridKeyAction =
  { kind: 'move'; index: number } | { kind: 'open'; index: number } | { kind: 'remove'; index: number };

/**
 * Arrows, Page Up/Down and Home/End move the selection; Enter (or F2) opens the selected row;
 * Delete acts on it. `activeIndex` is -1 when nothing is selected yet; `pageRows` is how many
 * rows fit in view.
 */
export function gridKeyAction(key: string, activeIndex: number, count: number, pageRows: number): GridKeyAction | null {
  if (count === 0) return null;
  const current = Math.max(0, activeIndex);
  const clamp = (index: number) => Math.max(0, Math.min(count - 1, index));
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', index: activeIndex < 0 ? 0 : clamp(current + 1) };
    case 'ArrowUp':
      return { kind: 'move', index: clamp(current - 1) };
    case 'PageDown':
      return { kind: 'move', index: clamp(current + pageRows) };
    case 'PageUp':
      return { kind: 'move', index: clamp(current - pageRows) };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: count - 1 };
    case 'Enter':
    case 'F2':
      return { kind: 'open', index: current };
    case 'Delete':
      return { kind: 'remove', index: current };
    default:
      return null;
  }
}
