-- Evaluation (PRODUCT.md §9): reviewers of a challenge, their recusals from bids, and their scores. As in 001,
-- `row` is the whole row and the other columns are generated from it, one per index in INDEXES. Ids are
-- deterministic (`${challengeId}:${accountId}`, `${accountId}:${bidId}`, `${accountId}:${bidId}:${phase}`), so
-- the primary keys are the uniqueness rules: one assignment, one recusal, one score sheet.

CREATE TABLE reviewers (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  challenge_id text GENERATED ALWAYS AS (row->>'challengeId') STORED,
  account_id text GENERATED ALWAYS AS (row->>'accountId') STORED
);
CREATE INDEX reviewers_challenge_id ON reviewers (challenge_id);
CREATE INDEX reviewers_account_id ON reviewers (account_id);

CREATE TABLE recusals (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  challenge_id text GENERATED ALWAYS AS (row->>'challengeId') STORED
);
CREATE INDEX recusals_challenge_id ON recusals (challenge_id);

CREATE TABLE scores (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  challenge_id text GENERATED ALWAYS AS (row->>'challengeId') STORED
);
CREATE INDEX scores_challenge_id ON scores (challenge_id);
