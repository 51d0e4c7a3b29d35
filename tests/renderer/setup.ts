import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom setup for renderer tests. Without vitest's globals, Testing Library does not unmount
// what a test rendered; a component left mounted keeps MUI's ripple timers pending, and one
// that fires after the file's jsdom is gone fails the run with "window is not defined".
afterEach(() => {
  cleanup();
});
