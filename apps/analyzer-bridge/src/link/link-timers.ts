/** Starts a timer and returns its cancel function: the link state machines never touch the clock themselves. */
export type StartTimer = (ms: number, onExpire: () => void) => () => void;

export const realTimers: StartTimer = (ms, onExpire) => {
  const handle = setTimeout(onExpire, ms);
  return () => clearTimeout(handle);
};
