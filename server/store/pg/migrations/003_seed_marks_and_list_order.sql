-- Loads of prepared content into a database (the demo): one row per load, 'loading' from before its first
-- write until its last, then 'loaded'. A database left 'loading' holds half a load, and says so
-- (seed-marks.ts).
CREATE TABLE seed_marks (
  name text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('loading', 'loaded')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- List pages pushed down (TableReader.page): each listed table's LIST_KEYS key (server/store/store.ts) as a
-- generated column compared byte-wise (COLLATE "C", the code point order the lowdb store and the cursors
-- use), and one index per list on (filter column, list_key), so a page is an index range scan with LIMIT.
ALTER TABLE bids ADD COLUMN list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'createdAt') || '|' || id) STORED;
CREATE INDEX bids_challenge_list ON bids (challenge_id, list_key);
CREATE INDEX bids_bidder_list ON bids (bidder_id, list_key);

ALTER TABLE questions ADD COLUMN list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'askedAt') || '|' || id) STORED;
CREATE INDEX questions_challenge_list ON questions (challenge_id, list_key);

ALTER TABLE saves ADD COLUMN list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'savedAt') || '|' || id) STORED;
CREATE INDEX saves_account_list ON saves (account_id, list_key);

ALTER TABLE papers ADD COLUMN list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'createdAt') || '|' || id) STORED;
CREATE INDEX papers_owner_list ON papers (owner_id, list_key);

ALTER TABLE subscriptions ADD COLUMN list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'createdAt') || '|' || id) STORED;
CREATE INDEX subscriptions_account_list ON subscriptions (account_id, list_key);

-- INDEXES.notifications.unread: the account of a notification not read yet, so the unread ones are counted
-- and listed without reading the others.
ALTER TABLE notifications
  ADD COLUMN list_key text COLLATE "C" GENERATED ALWAYS AS ((row->>'createdAt') || '|' || id) STORED,
  ADD COLUMN unread_account_id text GENERATED ALWAYS AS (CASE WHEN row->'read' = 'true'::jsonb THEN NULL ELSE row->>'accountId' END) STORED;
CREATE INDEX notifications_account_list ON notifications (account_id, list_key);
CREATE INDEX notifications_unread_list ON notifications (unread_account_id, list_key) WHERE unread_account_id IS NOT NULL;
