-- The console's ticket queue, newest first (ORDER BY created_at DESC, id DESC LIMIT n): read in
-- index order instead of sorting every ticket for each page.
CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id DESC);
