/** What password.ts asks of its worker threads (password-worker.js). */
export interface Argon2Cost {
  memoryKib: number;
  iterations: number;
  parallelism: number;
}

export type PasswordTask =
  | { kind: 'hash'; password: string; cost: Argon2Cost }
  | { kind: 'verify'; password: string; stored: string };
