-- staffbench.sh: a year of a large bank's chat for the dashboard's year range (issue 4: a year over
-- 100,000 conversations answers in under 300 ms): 100,000 conversations spread over the last 360
-- days, two messages and one assistant usage row each, 5,000 tickets. Run after staff_seed.sql.
INSERT INTO conversations (public_id, session_token_hash, customer_id, language, status, assigned_to,
                           escalated_at, first_response_at, closed_at, rating, created_at, updated_at)
SELECT gen_random_uuid(), md5('year' || g), NULL, CASE WHEN g % 3 = 0 THEN 'fr' ELSE 'en' END,
       CASE WHEN g % 50 = 0 THEN 'bot' ELSE 'closed' END,
       CASE WHEN g % 5 = 0 THEN (:'agents'::bigint[])[1 + g % cardinality(:'agents'::bigint[])] END,
       CASE WHEN g % 5 = 0 THEN t + interval '3 minutes' END,
       CASE WHEN g % 5 = 0 THEN t + interval '5 minutes' END,
       CASE WHEN g % 50 <> 0 THEN t + interval '15 minutes' END,
       CASE WHEN g % 7 = 0 THEN 1 + g % 5 END, t, t
FROM generate_series(1, 100000) g
CROSS JOIN LATERAL (SELECT now() - (g % 360) * interval '1 day' - (g % 23) * interval '1 hour' AS t) ts;

INSERT INTO messages (conversation_id, sender, body, created_at)
SELECT c.id, (ARRAY['customer', 'assistant'])[k], 'Year message ' || k, c.created_at + k * interval '20 seconds'
FROM conversations c CROSS JOIN generate_series(1, 2) k WHERE c.customer_id IS NULL;

INSERT INTO ai_usage (conversation_id, provider, model, tokens_in, tokens_out, latency_ms, cost_usd, created_at)
SELECT c.id, CASE WHEN c.id % 4 = 0 THEN 'anthropic' ELSE 'local' END, 'bench', 300, 80, 400,
       CASE WHEN c.id % 4 = 0 THEN 0.0021 ELSE 0 END, c.created_at
FROM conversations c WHERE c.customer_id IS NULL;

INSERT INTO tickets (subject, status, priority, category, assigned_to, due_at, resolved_at, created_at, updated_at)
SELECT 'Year ticket ' || g, (ARRAY['open', 'pending', 'resolved', 'closed'])[1 + g % 4],
       (ARRAY['low', 'normal', 'high', 'urgent'])[1 + g % 4], 'cards',
       (:'agents'::bigint[])[1 + g % cardinality(:'agents'::bigint[])],
       t + interval '24 hours', CASE WHEN g % 4 >= 2 THEN t + interval '5 hours' END, t, t
FROM generate_series(1, 5000) g
CROSS JOIN LATERAL (SELECT now() - (g % 360) * interval '1 day' AS t) ts;
ANALYZE;
