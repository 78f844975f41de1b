-- The bot's state shared by every instance: unfinished forms (grammY conversations) and the Telegram updates
-- taken for handling in webhook mode. As in 001, `row` is the whole row and `day` (UTC `YYYY-MM-DD`, the
-- INDEXES entry of the same name) is generated from it; the TTL prunes look rows up by day.

CREATE TABLE conversations (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  day text GENERATED ALWAYS AS (substr(row->>'updatedAt', 1, 10)) STORED
);
CREATE INDEX conversations_day ON conversations (day);

-- The primary key is the dedupe: `${botId}:${updateId}`, so two instances cannot both take one update.
CREATE TABLE telegram_updates (
  id text PRIMARY KEY,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  row jsonb NOT NULL CHECK (row->>'id' = id),
  day text GENERATED ALWAYS AS (substr(row->>'receivedAt', 1, 10)) STORED
);
CREATE INDEX telegram_updates_day ON telegram_updates (day);
