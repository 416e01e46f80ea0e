DROP INDEX "events_position_idx";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "position" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "events_position_key" ON "events" USING btree ("position");--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "seq";--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "xid";--> statement-breakpoint
-- An event's position (the feed's cursor) is given when its transaction commits, under a lock held until the
-- commit is visible: positions follow the order in which transactions commit, so a reader that has seen a
-- position has seen every position before it (docs/webhooks.md). Deferred, the lock is held only for the
-- moment of the commit, and never while the transaction still waits for rows of its own.
CREATE SEQUENCE "events_position_seq";--> statement-breakpoint
CREATE FUNCTION events_take_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- "events\0\0" read as a big-endian number: a key no other lock of this schema uses.
  PERFORM pg_advisory_xact_lock(7311142570157080576);
  UPDATE "events" SET "position" = nextval('events_position_seq') WHERE "id" = NEW."id";
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER events_positioned AFTER INSERT ON "events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_take_position();
