-- The assistant's unanswered turns in a row (two escalate: issue 3's policy) and the
-- priority an escalation chose, kept on the conversation so every instance sees the same.
ALTER TABLE conversations ADD COLUMN unanswered_streak integer NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN escalation_reason text;
ALTER TABLE conversations ADD COLUMN priority text NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
