/** Whether this server is shutting down: /readyz answers 503 from the moment it starts (main.ts). */
export interface ShutdownState {
  readonly isShuttingDown: boolean;
  begin(): void;
}

export function createShutdownState(): ShutdownState {
  let shuttingDown = false;
  return {
    get isShuttingDown() {
      return shuttingDown;
    },
    begin() {
      shuttingDown = true;
    },
  };
}
