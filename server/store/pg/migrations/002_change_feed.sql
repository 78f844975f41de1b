-- The change feed: every committed transaction's changes, in commit order, for every instance to tail
-- (change-feed.ts). A transaction appends its rows last, under a transaction-level advisory lock held until
-- it commits, so `seq` values become visible in increasing order: a reader that has seen seq N will never
-- later see a smaller one appear (rolled-back transactions leave holes, which stay holes). `tx` groups the
-- rows of one transaction; they are contiguous in `seq`.
CREATE TABLE changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tx bigint NOT NULL,
  table_name text NOT NULL,
  row_id text NOT NULL,
  before jsonb,
  after jsonb,
  committed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (before IS NOT NULL OR after IS NOT NULL)
);
