/** Time, injected so tests can fix it and move it (an office's clock may be a year off). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date | string, stepMs = 0): Clock & { advance(ms: number): void } {
  let current = new Date(start).getTime();
  return {
    now() {
      const value = new Date(current);
      current += stepMs;
      return value;
    },
    advance(ms: number) {
      current += ms;
    },
  };
}
