-- CreateTable
CREATE TABLE "ClaimTotal" (
    "shard" SMALLINT NOT NULL,
    "status" "ReviewStatus" NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ClaimTotal_pkey" PRIMARY KEY ("shard","status","verdict")
);

-- Kept by the same trigger as ClaimTally, in the same transaction as every claim change.
CREATE FUNCTION claim_total_add(claim_shard SMALLINT, claim_status "ReviewStatus", claim_verdict "Verdict", delta INTEGER) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ClaimTotal" (shard, status, verdict, count) VALUES (claim_shard, claim_status, claim_verdict, delta)
  ON CONFLICT (shard, status, verdict) DO UPDATE SET count = "ClaimTotal".count + EXCLUDED.count;
$$;

CREATE OR REPLACE FUNCTION claim_tally_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM claim_tally_add(NEW."articleId", NEW.status, NEW.verdict, 1);
    PERFORM claim_total_add((NEW.id % 8)::SMALLINT, NEW.status, NEW.verdict, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM claim_tally_add(OLD."articleId", OLD.status, OLD.verdict, -1);
    PERFORM claim_total_add((OLD.id % 8)::SMALLINT, OLD.status, OLD.verdict, -1);
  ELSE
    -- Rows in key order (tally first, then totals), so concurrent transactions lock them in the
    -- same order and never deadlock.
    IF (OLD."articleId", OLD.status, OLD.verdict) IS DISTINCT FROM (NEW."articleId", NEW.status, NEW.verdict) THEN
      IF (OLD."articleId", OLD.status, OLD.verdict) < (NEW."articleId", NEW.status, NEW.verdict) THEN
        PERFORM claim_tally_add(OLD."articleId", OLD.status, OLD.verdict, -1);
        PERFORM claim_tally_add(NEW."articleId", NEW.status, NEW.verdict, 1);
      ELSE
        PERFORM claim_tally_add(NEW."articleId", NEW.status, NEW.verdict, 1);
        PERFORM claim_tally_add(OLD."articleId", OLD.status, OLD.verdict, -1);
      END IF;
    END IF;
    IF (OLD.id, OLD.status, OLD.verdict) IS DISTINCT FROM (NEW.id, NEW.status, NEW.verdict) THEN
      IF (OLD.id % 8, OLD.status, OLD.verdict) < (NEW.id % 8, NEW.status, NEW.verdict) THEN
        PERFORM claim_total_add((OLD.id % 8)::SMALLINT, OLD.status, OLD.verdict, -1);
        PERFORM claim_total_add((NEW.id % 8)::SMALLINT, NEW.status, NEW.verdict, 1);
      ELSE
        PERFORM claim_total_add((NEW.id % 8)::SMALLINT, NEW.status, NEW.verdict, 1);
        PERFORM claim_total_add((OLD.id % 8)::SMALLINT, OLD.status, OLD.verdict, -1);
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

INSERT INTO "ClaimTotal" (shard, status, verdict, count)
SELECT (id % 8)::SMALLINT, status, verdict, count(*)::INTEGER FROM "Claim" GROUP BY 1, 2, 3;
