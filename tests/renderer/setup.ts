// jsdom setup for renderer tests: nothing global yet beyond what vitest provides.
export {};
