-- Contract changes as cases: each with its statutory clock, decision, append-only history and documents.

create table contracts_case (
    id                    bigserial primary key,
    practice_code         varchar(10) not null references contracts_contract (practice_code),
    kind                  varchar(20) not null check (kind in ('LIST_CLOSURE', 'MERGER', 'VARIATION', 'REMEDIAL_NOTICE',
                              'BREACH_NOTICE', 'TERMINATION', 'APMS_EXPIRY', 'PMS_REVIEW')),
    status                varchar(20) not null check (status in ('RECEIVED', 'ACKNOWLEDGED', 'ON_AGENDA', 'APPROVED',
                              'REFUSED', 'WITHDRAWN')),
    title                 varchar(300) not null,
    received_on           date not null,
    owner                 varchar(100) not null,
    -- a merger: the practice that closes and whose list joins this one
    other_practice_code   varchar(10),
    -- a list closure's period; a merger's, variation's or termination's effective date (starts_on)
    starts_on             date,
    ends_on               date,
    remedy_by             date,
    circumstances_changed boolean not null default false,
    details               varchar(2000),
    acknowledge_by        date,
    decide_by             date,
    acknowledged_on       date,
    decided_on            date,
    decision              varchar(1000),
    decided_by            varchar(300),
    deciding_org          varchar(10),
    meeting_id            bigint,
    item_id               bigint unique,
    version               integer not null default 0,
    created_at            timestamptz not null default now(),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create index contracts_case_practice on contracts_case (practice_code);
create index contracts_case_open on contracts_case (status) where status in ('RECEIVED', 'ACKNOWLEDGED', 'ON_AGENDA');

create table contracts_case_event (
    id          bigserial primary key,
    case_id     bigint not null references contracts_case (id),
    at          timestamptz not null default now(),
    actor       varchar(100) not null,
    status_from varchar(20),
    status_to   varchar(20) not null,
    note        varchar(1000)
);

create index contracts_case_event_case on contracts_case_event (case_id, id);

create table contracts_case_document (
    id           bigserial primary key,
    case_id      bigint not null references contracts_case (id),
    file_name    varchar(300) not null,
    content_type varchar(100) not null,
    size_bytes   integer not null,
    content      bytea not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz not null default now()
);

-- Reminders sent, so each is sent once whatever the instance.
create table contracts_case_reminder (
    case_id  bigint not null references contracts_case (id),
    clock    varchar(30) not null,
    kind     varchar(10) not null,
    sent_at  timestamptz not null default now(),
    primary key (case_id, clock, kind)
);
