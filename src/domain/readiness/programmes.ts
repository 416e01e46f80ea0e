import { programme2020_12 } from './programme-2020-12.js';
import type { ReadinessProgramme } from './programme-types.js';

const programmes: Readonly<Record<string, ReadinessProgramme>> = {
  [programme2020_12.taxonomyVersion]: programme2020_12,
};

/** Taxonomy versions that have a co-sell programme. */
export function listReadinessProgrammeVersions(): string[] {
  return Object.keys(programmes);
}

/** The co-sell programme of a taxonomy version; throws for a version without one. */
export function getReadinessProgramme(version: string): ReadinessProgramme {
  const programme = Object.hasOwn(programmes, version) ? programmes[version] : undefined;
  if (!programme) throw new Error(`No co-sell programme for taxonomy version ${version}`);
  return programme;
}
