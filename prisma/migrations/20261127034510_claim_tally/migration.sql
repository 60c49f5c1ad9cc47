-- CreateTable
CREATE TABLE "ClaimTally" (
    "articleId" INTEGER NOT NULL,
    "status" "ReviewStatus" NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ClaimTally_pkey" PRIMARY KEY ("articleId","status","verdict")
);

-- Keep the tally exact in the same transaction as every claim change.
CREATE FUNCTION claim_tally_add(article INTEGER, claim_status "ReviewStatus", claim_verdict "Verdict", delta INTEGER) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ClaimTally" ("articleId", status, verdict, count) VALUES (article, claim_status, claim_verdict, delta)
  ON CONFLICT ("articleId", status, verdict) DO UPDATE SET count = "ClaimTally".count + EXCLUDED.count;
$$;

CREATE FUNCTION claim_tally_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM claim_tally_add(NEW."articleId", NEW.status, NEW.verdict, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM claim_tally_add(OLD."articleId", OLD.status, OLD.verdict, -1);
  ELSIF (OLD."articleId", OLD.status, OLD.verdict) IS DISTINCT FROM (NEW."articleId", NEW.status, NEW.verdict) THEN
    -- Both rows in key order, so concurrent transactions lock them in the same order and never deadlock.
    IF (OLD."articleId", OLD.status, OLD.verdict) < (NEW."articleId", NEW.status, NEW.verdict) THEN
      PERFORM claim_tally_add(OLD."articleId", OLD.status, OLD.verdict, -1);
      PERFORM claim_tally_add(NEW."articleId", NEW.status, NEW.verdict, 1);
    ELSE
      PERFORM claim_tally_add(NEW."articleId", NEW.status, NEW.verdict, 1);
      PERFORM claim_tally_add(OLD."articleId", OLD.status, OLD.verdict, -1);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER claim_tally
AFTER INSERT OR DELETE OR UPDATE OF "articleId", status, verdict ON "Claim"
FOR EACH ROW EXECUTE FUNCTION claim_tally_apply();

INSERT INTO "ClaimTally" ("articleId", status, verdict, count)
SELECT "articleId", status, verdict, count(*)::INTEGER FROM "Claim" GROUP BY 1, 2, 3;
