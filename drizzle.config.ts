import { defineConfig } from 'drizzle-kit';

// DRIZZLE_OUT lets scripts/check-migrations.mjs generate into a scratch copy to detect stale migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: process.env.DRIZZLE_OUT ?? './src/db/migrations',
});
