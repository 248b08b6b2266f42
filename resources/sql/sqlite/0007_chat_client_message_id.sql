-- A customer's retried POST /chat/message carries the key its first attempt had
-- (client_message_id): the unique index makes a second copy impossible, even when two attempts
-- race, and client_answer keeps the answer the first attempt got so a repeat gets the same one.
-- A message without client_answer was stored but never answered (the database or the process
-- went away between the message and the reply): a repeat answers it then.
ALTER TABLE messages ADD COLUMN client_message_id text;
ALTER TABLE messages ADD COLUMN client_answer text;
CREATE UNIQUE INDEX messages_client_message_idx ON messages (conversation_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
