-- Mails about a conversation (the escalation alert quoting it, the transcript to the customer)
-- name it, so erasure and the retention job can remove them with the conversation's text.
ALTER TABLE mail_outbox ADD COLUMN conversation_id bigint REFERENCES conversations (id) ON DELETE SET NULL;
CREATE INDEX mail_outbox_conversation_idx ON mail_outbox (conversation_id) WHERE conversation_id IS NOT NULL;
