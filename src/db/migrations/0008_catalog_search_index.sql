ALTER TABLE "catalog_offers" ADD COLUMN "changed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "catalog_offers_changed_idx" ON "catalog_offers" USING btree ("changed_xid","offer_id");--> statement-breakpoint
-- Every write of a catalogue row stamps it with the writing transaction, so each server's search index can
-- read only the rows changed since it last looked (src/server/services/catalog-search-engine.ts).
CREATE FUNCTION catalog_offers_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER catalog_offers_changed BEFORE INSERT OR UPDATE ON "catalog_offers"
  FOR EACH ROW EXECUTE FUNCTION catalog_offers_stamp();--> statement-breakpoint
-- A removed row (unpublished, or its offer deleted by cascade) leaves a tombstone for the same reason.
CREATE FUNCTION catalog_offers_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_removals (offer_id) VALUES (OLD.offer_id);
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER catalog_offers_removed AFTER DELETE ON "catalog_offers"
  FOR EACH ROW EXECUTE FUNCTION catalog_offers_tombstone();
