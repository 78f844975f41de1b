-- One table per store table. `row` holds the whole row as jsonb and is the only thing written; the other
-- columns are generated from it, so they cannot disagree with it: one per index in INDEXES
-- (server/store/store.ts), and the fields a constraint needs. `pos` keeps insertion order, so `where` and `all`
-- answer in a stable order. The CHECKs keep the id column and the row's id the same.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  email text GENERATED ALWAYS AS (row->>'email') STORED,
  telegram_user_id bigint GENERATED ALWAYS AS ((row->'telegram'->>'userId')::bigint) STORED,
  -- The domain stores emails trimmed and lowercased (Email in shared/schemas/account.ts): with this check,
  -- uniqueness of the stored value is uniqueness regardless of case.
  CONSTRAINT accounts_email_normalized CHECK (email = lower(btrim(email)))
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
CREATE UNIQUE INDEX accounts_telegram_user_id ON accounts (telegram_user_id);

CREATE TABLE tokens (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  hash text GENERATED ALWAYS AS (row->>'hash') STORED,
  account_id text GENERATED ALWAYS AS (row->>'accountId') STORED
);
CREATE UNIQUE INDEX tokens_hash ON tokens (hash);
CREATE INDEX tokens_account_id ON tokens (account_id);

CREATE TABLE challenges (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  owner_id text GENERATED ALWAYS AS (row->>'ownerId') STORED,
  status text GENERATED ALWAYS AS (row->>'status') STORED
);
CREATE INDEX challenges_owner_id ON challenges (owner_id);
CREATE INDEX challenges_status ON challenges (status);

CREATE TABLE bids (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  challenge_id text GENERATED ALWAYS AS (row->>'challengeId') STORED,
  bidder_id text GENERATED ALWAYS AS (row->>'bidderId') STORED,
  status text GENERATED ALWAYS AS (row->>'status') STORED
);
CREATE INDEX bids_challenge_id ON bids (challenge_id);
CREATE INDEX bids_bidder_id ON bids (bidder_id);
-- One live bid per bidder and challenge: the statuses are LIVE_BID_STATUSES in shared/schemas/bid.ts.
CREATE UNIQUE INDEX bids_one_live_per_bidder ON bids (challenge_id, bidder_id) WHERE status IN ('submitted', 'shortlisted');

CREATE TABLE questions (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  challenge_id text GENERATED ALWAYS AS (row->>'challengeId') STORED
);
CREATE INDEX questions_challenge_id ON questions (challenge_id);

CREATE TABLE saves (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  account_id text GENERATED ALWAYS AS (row->>'accountId') STORED,
  challenge_id text GENERATED ALWAYS AS (row->>'challengeId') STORED
);
-- The id is `${accountId}:${challengeId}` already; this says the rule itself, whatever ids a writer picks.
CREATE UNIQUE INDEX saves_one_per_account ON saves (account_id, challenge_id);
CREATE INDEX saves_challenge_id ON saves (challenge_id);

CREATE TABLE papers (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  owner_id text GENERATED ALWAYS AS (row->>'ownerId') STORED,
  owner_identity text GENERATED ALWAYS AS ((row->>'ownerId') || ' ' || (row->>'identity')) STORED
);
CREATE INDEX papers_owner_id ON papers (owner_id);
CREATE UNIQUE INDEX papers_owner_identity ON papers (owner_identity);

CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  account_id text GENERATED ALWAYS AS (row->>'accountId') STORED
);
CREATE INDEX subscriptions_account_id ON subscriptions (account_id);

CREATE TABLE notifications (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  account_id text GENERATED ALWAYS AS (row->>'accountId') STORED,
  -- INDEXES.notifications.pendingTelegram: 'sending' in flight, 'waiting' for an attempt due at nextAttemptAt.
  pending_telegram text GENERATED ALWAYS AS (
    CASE
      WHEN row #>> '{deliveries,telegram,state}' = 'sending' THEN 'sending'
      WHEN row #>> '{deliveries,telegram,state}' = 'pending' THEN 'waiting'
      WHEN row #>> '{deliveries,telegram,state}' = 'failed' AND coalesce(row #>> '{deliveries,telegram,nextAttemptAt}', '') <> '' THEN 'waiting'
    END
  ) STORED
);
CREATE INDEX notifications_account_id ON notifications (account_id);
CREATE INDEX notifications_pending_telegram ON notifications (pending_telegram) WHERE pending_telegram IS NOT NULL;

CREATE TABLE codes (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  hash text GENERATED ALWAYS AS (row->>'hash') STORED,
  account_id text GENERATED ALWAYS AS (row->>'accountId') STORED
);
CREATE UNIQUE INDEX codes_hash ON codes (hash);
CREATE INDEX codes_account_id ON codes (account_id);
