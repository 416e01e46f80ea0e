import type { RootDb } from '../../db/database.js';
import { createRepositories, type Repositories } from '../../db/repositories/index.js';

/** Runs `work` in one database transaction, with repositories bound to it. */
export type Transaction = <T>(work: (repos: Repositories) => Promise<T>) => Promise<T>;

export function transactionOver(db: RootDb): Transaction {
  return (work) => db.transaction((tx) => work(createRepositories(tx)));
}
