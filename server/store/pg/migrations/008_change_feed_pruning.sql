-- The change feed is pruned (change-feed.ts): rows older than the retention go, and `changes_horizon` keeps
-- the highest seq ever pruned, so a tailer that was cut off for longer than the retention can tell that it
-- missed transactions instead of silently skipping them. `committed_at` becomes the time the row was
-- appended (which is at commit, under the feed's lock), not the transaction's start: a long transaction's
-- rows must not look old the moment they appear.
ALTER TABLE changes ALTER COLUMN committed_at SET DEFAULT clock_timestamp();

CREATE TABLE changes_horizon (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  pruned_through bigint NOT NULL
);
INSERT INTO changes_horizon (singleton, pruned_through) VALUES (true, 0);
