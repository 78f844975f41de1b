-- Loads of prepared content into a database (the demo): one row per load, 'loading' from before its first
-- write until its last, then 'loaded'. A database left 'loading' holds half a load, and says so
-- (seed-marks.ts).
CREATE TABLE seed_marks (
  name text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('loading', 'loaded')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
