-- wrk script for the login storm in bench.sh: every request signs in as the first-run admin.
-- The server answers 200 even while must_change_password is set, so every request costs one
-- bcrypt verification (cost 12 by default) and nothing else changes between requests.
wrk.method = "POST"
wrk.body = '{"email":"admin@joxai.com","password":"admin123"}'
wrk.headers["Content-Type"] = "application/json"
