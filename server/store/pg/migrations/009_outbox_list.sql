-- The outbox reads its waiting deliveries a window at a time in list order (outbox/dispatcher.ts, through
-- TableReader.page): as for the lists of 003, an index on (filter column, list_key), so a window is an index
-- range scan with LIMIT instead of a sort of every waiting delivery. Its leading column answers the lookups
-- by pending_telegram alone too, so it replaces that column's own index.
CREATE INDEX notifications_pending_telegram_list ON notifications (pending_telegram, list_key) WHERE pending_telegram IS NOT NULL;
DROP INDEX notifications_pending_telegram;
