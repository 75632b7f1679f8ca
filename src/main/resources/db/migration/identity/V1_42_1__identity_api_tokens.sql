-- API tokens for machine clients: only a SHA-256 digest of the secret is kept (the secret is shown once, when made).
-- A token acts as its owner with a scope (READ: GET and HEAD only; READ_WRITE: any method) until it expires or is
-- revoked. first_used_at and last_used_at (written at most once a minute) say whether and when it is in use.
create table identity_api_token (
    id            bigserial    primary key,
    username      varchar(100) not null references identity_user_account (username) on delete cascade,
    name          varchar(100) not null,
    scope         varchar(10)  not null check (scope in ('READ', 'READ_WRITE')),
    secret_sha256 char(64)     not null unique,
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    first_used_at timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    check (expires_at > created_at)
);
create index identity_api_token_username on identity_api_token (username);
