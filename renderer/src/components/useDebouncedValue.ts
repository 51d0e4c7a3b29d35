import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs`: a search over 200,000 records waits for
 * the clerk to pause instead of running a query per keystroke.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
