-- The seller catalogue's search needs trigram matching (misspellings) and accent folding. Both are in
-- PostgreSQL's contrib (Debian's postgresql-15 ships them); the embedded PGlite loads them in pglite-worker.js.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads its dictionary), so it cannot be used in an index or a generated
-- column; naming the dictionary makes the result fixed, which this IMMUTABLE wrapper asserts.
CREATE OR REPLACE FUNCTION cosell_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
