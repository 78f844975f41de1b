-- Coordination between instances (server/jobs/pg-coordination.ts). Leadership needs no table: it is a
-- session advisory lock.

-- Claims on outbox deliveries: a lease per notification and channel. The dispatcher claims a delivery here
-- (its notifications row locked FOR UPDATE SKIP LOCKED while the claim is made) before it marks it `sending`
-- in the store, and releases the claim once the outcome is stored. A `sending` delivery with no live claim
-- was left by an instance that stopped mid-send; it is failed, not resent. Deleting a notification deletes
-- its claims.
CREATE TABLE outbox_claims (
  notification_id text NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  channel text NOT NULL,
  claimed_by text NOT NULL,
  lease_until timestamptz NOT NULL,
  PRIMARY KEY (notification_id, channel)
);
CREATE INDEX outbox_claims_channel_lease ON outbox_claims (channel, lease_until);

-- Rate-limit hit logs shared by every instance: per limiter scope and key (e.g. `auth` and a client address),
-- the epoch-ms times of its admitted hits, oldest first. One row per key, changed only by an atomic upsert
-- that also drops the times that left the window; rows idle for a window are deleted by `last_at`.
CREATE TABLE rate_limit_hits (
  key text PRIMARY KEY,
  times bigint[] NOT NULL,
  last_at bigint NOT NULL
);
CREATE INDEX rate_limit_hits_last_at ON rate_limit_hits (last_at);
