-- staffbench.sh: a busy branch's data on PostgreSQL (issue 4's benchmark): 1,000 tickets and 200
-- conversations with 800 messages in the last 30 days, spread over the agents :agents (ids).
-- Run with psql -v agents='{2,3,4}'.
INSERT INTO customers (name, email, created_at)
SELECT 'Customer ' || g, 'customer' || g || '@example.com', now() - interval '60 days'
FROM generate_series(1, 300) g;

INSERT INTO conversations (public_id, session_token_hash, customer_id, customer_name, language, status,
                           assigned_to, escalated_at, first_response_at, closed_at, rating, created_at, updated_at)
SELECT gen_random_uuid(), md5('bench' || g), c.id, c.name, CASE WHEN g % 2 = 0 THEN 'fr' ELSE 'en' END,
       (ARRAY['bot', 'waiting', 'agent', 'closed'])[1 + g % 4],
       CASE WHEN g % 4 IN (2, 3) AND g % 3 = 0 THEN (:'agents'::bigint[])[1 + g % cardinality(:'agents'::bigint[])] END,
       CASE WHEN g % 4 IN (1, 2) OR g % 5 = 0 THEN t + interval '2 minutes' END,
       CASE WHEN g % 4 = 2 THEN t + interval '4 minutes' END,
       CASE WHEN g % 4 = 3 THEN t + interval '20 minutes' END,
       CASE WHEN g % 4 = 3 AND g % 2 = 1 THEN 1 + g % 5 END,
       t, t
FROM generate_series(1, 200) g
CROSS JOIN LATERAL (SELECT now() - (g % 28) * interval '1 day' - (g % 7) * interval '1 hour' AS t) ts
JOIN customers c ON c.id = (SELECT min(id) FROM customers) + g % 300;

INSERT INTO messages (conversation_id, sender, body, created_at)
SELECT c.id, (ARRAY['customer', 'assistant', 'customer', 'assistant'])[k],
       'Bench message ' || k || ' about cards, transfers and opening hours.', c.created_at + k * interval '30 seconds'
FROM conversations c CROSS JOIN generate_series(1, 4) k;

INSERT INTO ai_usage (conversation_id, provider, model, tokens_in, tokens_out, latency_ms, cost_usd, created_at)
SELECT m.conversation_id, 'local', 'bm25', 0, 40, 3, 0, m.created_at FROM messages m WHERE m.sender = 'assistant';

INSERT INTO tickets (subject, description, status, priority, category, assigned_to, customer_id, created_by,
                     due_at, resolved_at, created_at, updated_at)
SELECT 'Ticket ' || g || ': card payment declined abroad', 'The customer reports a declined payment.',
       (ARRAY['open', 'pending', 'resolved', 'closed'])[1 + g % 4],
       (ARRAY['low', 'normal', 'high', 'urgent'])[1 + (g / 4) % 4],
       (ARRAY['cards', 'transfers', 'accounts', 'loans'])[1 + g % 4],
       CASE WHEN g % 3 = 0 THEN NULL ELSE (:'agents'::bigint[])[1 + g % cardinality(:'agents'::bigint[])] END,
       (SELECT min(id) FROM customers) + g % 300, NULL,
       t + interval '24 hours', CASE WHEN g % 4 >= 2 THEN t + interval '3 hours' END, t, t + interval '1 hour'
FROM generate_series(1, 1000) g
CROSS JOIN LATERAL (SELECT now() - (g % 28) * interval '1 day' - (g % 11) * interval '1 hour' AS t) ts;
ANALYZE;
