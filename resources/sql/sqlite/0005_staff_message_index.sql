-- The dashboard counts each agent's messages in a date range (AnalyticsStore::perAgent). Only
-- staff messages carry an author, so a partial index stays small and turns a scan of every
-- message per agent into a range read.
CREATE INDEX messages_author_idx ON messages (author_id, created_at) WHERE author_id IS NOT NULL;
