import { describe, expect, it } from 'vitest';
import { describePostgresUrl, startupLines } from '../../src/server/startup-lines.js';

describe('the start-up lines', () => {
  it('name the PostgreSQL server and database, never its user or password', () => {
    let text = '';
    startupLines({ write: (chunk: string) => (text += chunk) }).database({
      kind: 'postgres',
      url: 'postgres://cosell:s3cret-pw@db.internal:6432/cosell_prod?sslmode=require',
    });
    expect(text).toBe('connecting to PostgreSQL at db.internal:6432/cosell_prod...\n');
    expect(describePostgresUrl('postgres://u:p@db/x')).toBe('db/x');
  });
});
