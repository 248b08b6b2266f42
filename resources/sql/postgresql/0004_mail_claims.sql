-- Mail delivery (server/mail/maildispatcher.h). A dispatcher claims a due row before it talks to
-- SMTP: `claim_token` says which dispatcher holds it and `claimed_until` when the claim lapses (a
-- dispatcher that died mid-send leaves a claim that expires, and the row is tried again). A row is
-- marked sent or failed only by the holder of its claim, so two dispatchers never both send it.
ALTER TABLE mail_outbox ADD COLUMN claim_token text;
ALTER TABLE mail_outbox ADD COLUMN claimed_until timestamptz;
