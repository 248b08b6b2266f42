-- JoxAI schema v1 (PostgreSQL). Timestamps are timestamptz in UTC; JSON columns are jsonb.

CREATE TABLE users (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                text NOT NULL UNIQUE,
    full_name            text NOT NULL DEFAULT '',
    role                 text NOT NULL CHECK (role IN ('admin', 'supervisor', 'agent')),
    password_hash        text NOT NULL,
    is_active            boolean NOT NULL DEFAULT true,
    must_change_password boolean NOT NULL DEFAULT false,
    token_version        bigint NOT NULL DEFAULT 1,
    failed_logins        integer NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    totp_secret          text,
    totp_enabled         boolean NOT NULL DEFAULT false,
    totp_last_step       bigint NOT NULL DEFAULT 0,
    last_login_at        timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_role_idx ON users (role);

CREATE TABLE customers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text NOT NULL DEFAULT '',
    email             text,
    phone             text,
    external_ref      text UNIQUE,
    legal_hold        boolean NOT NULL DEFAULT false,
    legal_hold_reason text,
    anonymized_at     timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_email_idx ON customers (lower(email));
CREATE INDEX customers_name_idx ON customers (lower(name));

CREATE TABLE conversations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id          uuid NOT NULL UNIQUE,
    session_token_hash text NOT NULL,
    customer_id        bigint REFERENCES customers (id) ON DELETE SET NULL,
    customer_name      text,
    customer_email     text,
    language           text NOT NULL DEFAULT 'en',
    status             text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'waiting', 'agent', 'closed')),
    assigned_to        bigint REFERENCES users (id) ON DELETE SET NULL,
    verified           boolean NOT NULL DEFAULT false,
    metadata           jsonb NOT NULL DEFAULT '{}',
    ai_fallback        boolean NOT NULL DEFAULT false,
    escalated_at       timestamptz,
    first_response_at  timestamptz,
    closed_at          timestamptz,
    rating             integer CHECK (rating BETWEEN 1 AND 5),
    rating_comment     text,
    anonymized_at      timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_status_idx ON conversations (status, updated_at DESC);
CREATE INDEX conversations_assigned_idx ON conversations (assigned_to, status);
CREATE INDEX conversations_customer_idx ON conversations (customer_id);
CREATE INDEX conversations_created_idx ON conversations (created_at);

CREATE TABLE messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender          text NOT NULL CHECK (sender IN ('customer', 'assistant', 'agent', 'system')),
    author_id       bigint REFERENCES users (id) ON DELETE SET NULL,
    body            text NOT NULL,
    internal        boolean NOT NULL DEFAULT false,
    sources         jsonb,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);
CREATE INDEX messages_created_idx ON messages (created_at);

CREATE TABLE tickets (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject         text NOT NULL,
    description     text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
    priority        text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    category        text NOT NULL DEFAULT '',
    assigned_to     bigint REFERENCES users (id) ON DELETE SET NULL,
    customer_id     bigint REFERENCES customers (id) ON DELETE SET NULL,
    conversation_id bigint REFERENCES conversations (id) ON DELETE SET NULL,
    created_by      bigint REFERENCES users (id) ON DELETE SET NULL,
    due_at          timestamptz,
    sla_notified    boolean NOT NULL DEFAULT false,
    resolved_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_status_idx ON tickets (status, priority);
CREATE INDEX tickets_assigned_idx ON tickets (assigned_to, status);
CREATE INDEX tickets_due_idx ON tickets (due_at) WHERE status IN ('open', 'pending');
CREATE INDEX tickets_customer_idx ON tickets (customer_id);
CREATE INDEX tickets_conversation_idx ON tickets (conversation_id);
CREATE INDEX tickets_updated_idx ON tickets (updated_at DESC);

CREATE TABLE ticket_comments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    body       text NOT NULL,
    internal   boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, id);

CREATE TABLE ticket_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    actor_id   bigint REFERENCES users (id) ON DELETE SET NULL,
    field      text NOT NULL,
    old_value  text,
    new_value  text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, id);

CREATE TABLE knowledge_articles (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title        text NOT NULL,
    content      text NOT NULL,
    category     text NOT NULL DEFAULT '',
    tags         jsonb NOT NULL DEFAULT '[]',
    language     text NOT NULL DEFAULT 'en',
    status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
    version      integer NOT NULL DEFAULT 1,
    author_id    bigint REFERENCES users (id) ON DELETE SET NULL,
    submitted_by bigint REFERENCES users (id) ON DELETE SET NULL,
    reviewed_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    published_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    search       tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
                     setweight(to_tsvector('simple', coalesce(tags::text, '')), 'B') ||
                     setweight(to_tsvector('simple', coalesce(content, '')), 'C')) STORED
);
CREATE INDEX knowledge_search_idx ON knowledge_articles USING gin (search);
CREATE INDEX knowledge_status_idx ON knowledge_articles (status, category);

CREATE TABLE knowledge_versions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
    version    integer NOT NULL,
    title      text NOT NULL,
    content    text NOT NULL,
    category   text NOT NULL DEFAULT '',
    tags       jsonb NOT NULL DEFAULT '[]',
    status     text NOT NULL,
    author_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (article_id, version)
);

CREATE TABLE canned_responses (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      text NOT NULL,
    content    text NOT NULL,
    shortcut   text,
    owner_id   bigint REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX canned_responses_owner_idx ON canned_responses (owner_id);

CREATE TABLE system_settings (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_settings (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key        text NOT NULL,
    value      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

CREATE TABLE notifications (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type       text NOT NULL,
    title      text NOT NULL,
    body       text NOT NULL DEFAULT '',
    data       jsonb NOT NULL DEFAULT '{}',
    read_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, id DESC);

CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id       bigint,
    actor_email    text,
    action         text NOT NULL,
    target_type    text,
    target_id      text,
    client_address text,
    details        jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_created_idx ON audit_log (created_at);
CREATE INDEX audit_actor_idx ON audit_log (actor_id, created_at);
CREATE INDEX audit_action_idx ON audit_log (action, created_at);
CREATE INDEX audit_target_idx ON audit_log (target_type, target_id);

-- The audit log is append-only: nobody, not even the application, may change or remove a row.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type            text NOT NULL,
    conversation_id uuid,
    ticket_id       bigint,
    user_id         bigint,
    assigned_to     bigint,
    -- who may see it: 'staff' (every staff member, e.g. a conversation waiting for anyone),
    -- 'assigned' (its assignee, supervisors and admins), 'user' (only user_id: notifications),
    -- 'supervisors' (supervisors and admins only)
    visibility      text NOT NULL DEFAULT 'assigned' CHECK (visibility IN ('staff', 'assigned', 'user', 'supervisors')),
    payload         jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_created_idx ON events (created_at);
CREATE INDEX events_user_idx ON events (user_id, id);
CREATE INDEX events_assigned_idx ON events (assigned_to, id);

CREATE TABLE ai_usage (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint REFERENCES conversations (id) ON DELETE SET NULL,
    provider        text NOT NULL,
    model           text NOT NULL DEFAULT '',
    tokens_in       integer NOT NULL DEFAULT 0,
    tokens_out      integer NOT NULL DEFAULT 0,
    latency_ms      integer NOT NULL DEFAULT 0,
    cost_usd        double precision NOT NULL DEFAULT 0,
    cache_hit       boolean NOT NULL DEFAULT false,
    fallback        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_usage_created_idx ON ai_usage (created_at);

CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_address      text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
