-- Readers' pages, feeds and ClaimReview answers are generated once and kept in each app instance's memory
-- (lib/cache/handler.mjs). These triggers announce every change a reader can see with NOTIFY public_cache,
-- from inside the changing transaction: PostgreSQL delivers it when, and only if, the transaction commits
-- (to every listening instance), and sends one notice per transaction however many rows it changed.

CREATE FUNCTION "public_cache_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('public_cache', '');
  RETURN NULL;
END
$$;

-- A source, or an article's details, only show on readers' pages through a verified claim.
CREATE FUNCTION "public_cache_notify_source"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_claim integer := CASE TG_OP WHEN 'DELETE' THEN OLD."claimId" ELSE NEW."claimId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "Claim" WHERE "id" = changed_claim AND "status" = 'verified')
    OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "Claim" WHERE "id" = OLD."claimId" AND "status" = 'verified'))
  THEN
    PERFORM pg_notify('public_cache', '');
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "public_cache_notify_article"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Claim" WHERE "articleId" = NEW."id" AND "status" = 'verified') THEN
    PERFORM pg_notify('public_cache', '');
  END IF;
  RETURN NULL;
END
$$;

-- A claim that is, or was, published: approval, reopening, retraction, any edit of a published one.
CREATE TRIGGER "Claim_public_cache_insert" AFTER INSERT ON "Claim"
  FOR EACH ROW WHEN (NEW."status" = 'verified') EXECUTE FUNCTION "public_cache_notify"();
CREATE TRIGGER "Claim_public_cache_update" AFTER UPDATE ON "Claim"
  FOR EACH ROW WHEN (OLD."status" = 'verified' OR NEW."status" = 'verified') EXECUTE FUNCTION "public_cache_notify"();
CREATE TRIGGER "Claim_public_cache_delete" AFTER DELETE ON "Claim"
  FOR EACH ROW WHEN (OLD."status" = 'verified') EXECUTE FUNCTION "public_cache_notify"();

-- The public corrections log.
CREATE TRIGGER "Correction_public_cache" AFTER INSERT OR UPDATE OR DELETE ON "Correction"
  FOR EACH ROW EXECUTE FUNCTION "public_cache_notify"();

CREATE TRIGGER "Source_public_cache" AFTER INSERT OR UPDATE OR DELETE ON "Source"
  FOR EACH ROW EXECUTE FUNCTION "public_cache_notify_source"();

CREATE TRIGGER "Article_public_cache" AFTER UPDATE ON "Article"
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION "public_cache_notify_article"();

-- Reviewers' names are printed on the fact-checks they signed.
CREATE TRIGGER "User_public_cache" AFTER UPDATE OF "name" ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "public_cache_notify"();
