create table notification_notice (
    id         bigserial    primary key,
    recipient  varchar(100) not null,
    title      varchar(300) not null,
    body       text         not null,
    link       varchar(500),
    created_at timestamptz  not null default now(),
    read_at    timestamptz
);
create index notification_notice_recipient on notification_notice (recipient, created_at desc);

-- Transactional outbox: written in the same transaction as the change it reports, sent later, once.
create table notification_email_outbox (
    id              bigserial    primary key,
    deduplication_key varchar(300) unique,
    recipient       varchar(200) not null,
    subject         varchar(300) not null,
    body            text         not null,
    created_at      timestamptz  not null default now(),
    status          varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    sent_at         timestamptz
);
create index notification_email_outbox_due on notification_email_outbox (status, next_attempt_at);
