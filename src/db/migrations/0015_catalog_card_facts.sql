ALTER TABLE "catalog_offers" ADD COLUMN "card_facts" text DEFAULT '|' NOT NULL;--> statement-breakpoint
-- The rows already there get their cards' facts as catalog-repository's upsert works them out (the same
-- expression): the current documents' slots, then per contact role the countries its contacts name. The
-- update stamps every row, so each server's search index reads them again.
UPDATE "catalog_offers" c SET "card_facts" =
  coalesce((
    select string_agg(s.slot, ',' order by s.slot)
    from (select distinct d.slot from co_sell_documents d where d.offer_id = c.offer_id and d.state = 'current') s
  ), '')
  || '|' ||
  coalesce((
    select string_agg(r.role || ':' || r.countries, ';' order by r.role)
    from (
      select k.role, string_agg(distinct country, ',' order by country) as countries
      from co_sell_contacts k, unnest(k.countries) as country
      where k.offer_id = c.offer_id group by k.role
    ) r
  ), '');
