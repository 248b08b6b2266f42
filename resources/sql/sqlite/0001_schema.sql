-- JoxAI schema v1 (SQLite). Timestamps are ISO 8601 UTC text ('2026-11-25T17:40:00.000Z') so they
-- sort and compare as text; JSON columns are text; booleans are 0/1.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    email                text NOT NULL UNIQUE,
    full_name            text NOT NULL DEFAULT '',
    role                 text NOT NULL CHECK (role IN ('admin', 'supervisor', 'agent')),
    password_hash        text NOT NULL,
    is_active            integer NOT NULL DEFAULT 1,
    must_change_password integer NOT NULL DEFAULT 0,
    token_version        bigint NOT NULL DEFAULT 1,
    failed_logins        integer NOT NULL DEFAULT 0,
    locked_until         text,
    totp_secret          text,
    totp_enabled         integer NOT NULL DEFAULT 0,
    totp_last_step       bigint NOT NULL DEFAULT 0,
    last_login_at        text,
    created_at           text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX users_role_idx ON users (role);

CREATE TABLE customers (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              text NOT NULL DEFAULT '',
    email             text,
    phone             text,
    external_ref      text UNIQUE,
    legal_hold        integer NOT NULL DEFAULT 0,
    legal_hold_reason text,
    anonymized_at     text,
    created_at        text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX customers_email_idx ON customers (email COLLATE NOCASE);
CREATE INDEX customers_name_idx ON customers (name COLLATE NOCASE);

CREATE TABLE conversations (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id          text NOT NULL UNIQUE,
    session_token_hash text NOT NULL,
    customer_id        bigint REFERENCES customers (id) ON DELETE SET NULL,
    customer_name      text,
    customer_email     text,
    language           text NOT NULL DEFAULT 'en',
    status             text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'waiting', 'agent', 'closed')),
    assigned_to        bigint REFERENCES users (id) ON DELETE SET NULL,
    verified           integer NOT NULL DEFAULT 0,
    metadata           text NOT NULL DEFAULT '{}',
    ai_fallback        integer NOT NULL DEFAULT 0,
    escalated_at       text,
    first_response_at  text,
    closed_at          text,
    rating             integer CHECK (rating BETWEEN 1 AND 5),
    rating_comment     text,
    anonymized_at      text,
    created_at         text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at         text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX conversations_status_idx ON conversations (status, updated_at DESC);
CREATE INDEX conversations_assigned_idx ON conversations (assigned_to, status);
CREATE INDEX conversations_customer_idx ON conversations (customer_id);
CREATE INDEX conversations_created_idx ON conversations (created_at);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id bigint NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender          text NOT NULL CHECK (sender IN ('customer', 'assistant', 'agent', 'system')),
    author_id       bigint REFERENCES users (id) ON DELETE SET NULL,
    body            text NOT NULL,
    internal        integer NOT NULL DEFAULT 0,
    sources         text,
    created_at      text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);
CREATE INDEX messages_created_idx ON messages (created_at);

CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    subject         text NOT NULL,
    description     text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
    priority        text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    category        text NOT NULL DEFAULT '',
    assigned_to     bigint REFERENCES users (id) ON DELETE SET NULL,
    customer_id     bigint REFERENCES customers (id) ON DELETE SET NULL,
    conversation_id bigint REFERENCES conversations (id) ON DELETE SET NULL,
    created_by      bigint REFERENCES users (id) ON DELETE SET NULL,
    due_at          text,
    sla_notified    integer NOT NULL DEFAULT 0,
    resolved_at     text,
    created_at      text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX tickets_status_idx ON tickets (status, priority);
CREATE INDEX tickets_assigned_idx ON tickets (assigned_to, status);
CREATE INDEX tickets_due_idx ON tickets (due_at) WHERE status IN ('open', 'pending');
CREATE INDEX tickets_customer_idx ON tickets (customer_id);
CREATE INDEX tickets_conversation_idx ON tickets (conversation_id);
CREATE INDEX tickets_updated_idx ON tickets (updated_at DESC);

CREATE TABLE ticket_comments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    body       text NOT NULL,
    internal   integer NOT NULL DEFAULT 0,
    created_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, id);

CREATE TABLE ticket_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    actor_id   bigint REFERENCES users (id) ON DELETE SET NULL,
    field      text NOT NULL,
    old_value  text,
    new_value  text,
    created_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, id);

CREATE TABLE knowledge_articles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    title        text NOT NULL,
    content      text NOT NULL,
    category     text NOT NULL DEFAULT '',
    tags         text NOT NULL DEFAULT '[]',
    language     text NOT NULL DEFAULT 'en',
    status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
    version      integer NOT NULL DEFAULT 1,
    author_id    bigint REFERENCES users (id) ON DELETE SET NULL,
    submitted_by bigint REFERENCES users (id) ON DELETE SET NULL,
    reviewed_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    published_at text,
    created_at   text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- Full-text search: an FTS5 index over the articles, kept in step by triggers (bm25 ranking,
-- columns weighted like PostgreSQL's A/B/C: title, tags, content).
CREATE VIRTUAL TABLE knowledge_fts USING fts5(
    title, tags, content, content='knowledge_articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER knowledge_fts_insert AFTER INSERT ON knowledge_articles BEGIN
    INSERT INTO knowledge_fts (rowid, title, tags, content) VALUES (new.id, new.title, new.tags, new.content);
END;
CREATE TRIGGER knowledge_fts_delete AFTER DELETE ON knowledge_articles BEGIN
    INSERT INTO knowledge_fts (knowledge_fts, rowid, title, tags, content)
    VALUES ('delete', old.id, old.title, old.tags, old.content);
END;
CREATE TRIGGER knowledge_fts_update AFTER UPDATE OF title, tags, content ON knowledge_articles BEGIN
    INSERT INTO knowledge_fts (knowledge_fts, rowid, title, tags, content)
    VALUES ('delete', old.id, old.title, old.tags, old.content);
    INSERT INTO knowledge_fts (rowid, title, tags, content) VALUES (new.id, new.title, new.tags, new.content);
END;
CREATE INDEX knowledge_status_idx ON knowledge_articles (status, category);

CREATE TABLE knowledge_versions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id bigint NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
    version    integer NOT NULL,
    title      text NOT NULL,
    content    text NOT NULL,
    category   text NOT NULL DEFAULT '',
    tags       text NOT NULL DEFAULT '[]',
    status     text NOT NULL,
    author_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (article_id, version)
);

CREATE TABLE canned_responses (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      text NOT NULL,
    content    text NOT NULL,
    shortcut   text,
    owner_id   bigint REFERENCES users (id) ON DELETE CASCADE,
    created_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX canned_responses_owner_idx ON canned_responses (owner_id);

CREATE TABLE system_settings (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
    updated_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE user_settings (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key        text NOT NULL,
    value      text NOT NULL,
    updated_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (user_id, key)
);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type       text NOT NULL,
    title      text NOT NULL,
    body       text NOT NULL DEFAULT '',
    data       text NOT NULL DEFAULT '{}',
    read_at    text,
    created_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, id DESC);

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id       bigint,
    actor_email    text,
    action         text NOT NULL,
    target_type    text,
    target_id      text,
    client_address text,
    details        text NOT NULL DEFAULT '{}',
    created_at     text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX audit_created_idx ON audit_log (created_at);
CREATE INDEX audit_actor_idx ON audit_log (actor_id, created_at);
CREATE INDEX audit_action_idx ON audit_log (action, created_at);
CREATE INDEX audit_target_idx ON audit_log (target_type, target_id);

-- The audit log is append-only: nobody, not even the application, may change or remove a row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    type            text NOT NULL,
    conversation_id text,
    ticket_id       bigint,
    user_id         bigint,
    assigned_to     bigint,
    -- who may see it: 'staff' (every staff member, e.g. a conversation waiting for anyone),
    -- 'assigned' (its assignee, supervisors and admins), 'user' (only user_id: notifications),
    -- 'supervisors' (supervisors and admins only)
    visibility      text NOT NULL DEFAULT 'assigned' CHECK (visibility IN ('staff', 'assigned', 'user', 'supervisors')),
    payload         text NOT NULL DEFAULT '{}',
    created_at      text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX events_created_idx ON events (created_at);
CREATE INDEX events_user_idx ON events (user_id, id);
CREATE INDEX events_assigned_idx ON events (assigned_to, id);

CREATE TABLE ai_usage (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id bigint REFERENCES conversations (id) ON DELETE SET NULL,
    provider        text NOT NULL,
    model           text NOT NULL DEFAULT '',
    tokens_in       integer NOT NULL DEFAULT 0,
    tokens_out      integer NOT NULL DEFAULT 0,
    latency_ms      integer NOT NULL DEFAULT 0,
    cost_usd        real NOT NULL DEFAULT 0,
    cache_hit       integer NOT NULL DEFAULT 0,
    fallback        integer NOT NULL DEFAULT 0,
    created_at      text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ai_usage_created_idx ON ai_usage (created_at);

CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address      text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_error      text,
    sent_at         text,
    created_at      text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
