import type { KeyboardEvent } from 'react';

/**
 * A character typed into a field of a locked record: ask for an amendment reason instead, and
 * keep the character out of every field (the dialog's input gets focus before it would land).
 */
export function lockedKey(event: KeyboardEvent, readOnly: boolean, onLockedAttempt: () => void): void {
  if (!readOnly || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  onLockedAttempt();
}
