-- ClaimEvent is the review history of claims: rows are appended, never changed or removed.
-- Prisma does not model functions or triggers, so they live only in this migration.
CREATE FUNCTION "claim_event_append_only"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'ClaimEvent is append-only: % of event % is not allowed', TG_OP, OLD."id"
    USING HINT = 'Record a new ClaimEvent instead.';
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimEvent_append_only"
BEFORE UPDATE OR DELETE ON "ClaimEvent"
FOR EACH ROW EXECUTE FUNCTION "claim_event_append_only"();
