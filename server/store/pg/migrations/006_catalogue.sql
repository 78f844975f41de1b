-- The achievements catalogue (PRODUCT.md §8): achievements, sealed enquiries and publicly announced deals.
-- As in 001 and 003, `row` is the whole row; the index columns and `list_key` (the LIST_KEYS order of
-- server/store/store.ts) are generated from it, so pages are index range scans with LIMIT.

CREATE TABLE achievements (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  owner_id text GENERATED ALWAYS AS (row->>'ownerId') STORED,
  status text GENERATED ALWAYS AS (row->>'status') STORED,
  list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'createdAt') || '|' || id) STORED
);
CREATE INDEX achievements_owner_list ON achievements (owner_id, list_key);
-- The export and the public list walk the listed ones in order.
CREATE INDEX achievements_status_list ON achievements (status, list_key);

CREATE TABLE enquiries (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  achievement_id text GENERATED ALWAYS AS (row->>'achievementId') STORED,
  sender_id text GENERATED ALWAYS AS (row->>'senderId') STORED,
  achievement_owner_id text GENERATED ALWAYS AS (row->>'achievementOwnerId') STORED,
  list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'createdAt') || '|' || id) STORED
);
CREATE INDEX enquiries_achievement_list ON enquiries (achievement_id, list_key);
CREATE INDEX enquiries_sender_list ON enquiries (sender_id, list_key);
CREATE INDEX enquiries_owner_list ON enquiries (achievement_owner_id, list_key);

CREATE TABLE deals (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  status text GENERATED ALWAYS AS (row->>'status') STORED,
  achievement_id text GENERATED ALWAYS AS (row->>'achievementId') STORED,
  list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'announcedAt') || '|' || id) STORED
);
CREATE INDEX deals_status_list ON deals (status, list_key);
CREATE INDEX deals_achievement_id ON deals (achievement_id);
