-- Primary care co-commissioning: rounds, applications by CCGs, their review and decision, and the levels that go live.

-- Configurable values (REFERENCE.md marks them so), with the reference value as the default.
create table cocommissioning_setting (
    name  varchar(60) primary key,
    value varchar(200) not null
);
insert into cocommissioning_setting (name, value) values
    ('reminder_days_before', '14,3'),
    ('max_attachment_bytes', '10485760'),
    -- Not in the guidance: how long an area team has to recommend after submission before the review shows as overdue.
    ('review_due_days', '28');

-- The functions that can be delegated, and those reserved to NHS England (REFERENCE.md section 3).
create table cocommissioning_function (
    code      varchar(40) primary key,
    name      varchar(300) not null,
    position  int not null,
    delegable boolean not null
);
insert into cocommissioning_function (code, name, position, delegable) values
    ('GP_CONTRACTS', 'GMS, PMS and APMS contract management (design of PMS and APMS contracts, monitoring, breach and remedial notices, removing a contract)', 1, true),
    ('ENHANCED_SERVICES', 'Newly designed enhanced services', 2, true),
    ('LOCAL_INCENTIVES', 'Local incentive schemes as an alternative to QOF', 3, true),
    ('NEW_PRACTICES', 'Establishing new GP practices', 4, true),
    ('PRACTICE_MERGERS', 'Approving practice mergers', 5, true),
    ('DISCRETIONARY_PAYMENTS', 'Discretionary payments (e.g. returner and retainer schemes)', 6, true),
    ('PERFORMANCE_MANAGEMENT', 'Individual GP performance management (performers list, appraisal, revalidation)', 7, false),
    ('LIST_AND_PAYMENTS', 'List management and payment administration', 8, false),
    ('OTHER_PRIMARY_CARE', 'Dental, pharmacy and eye health', 9, false);

create table cocommissioning_round (
    id                   bigserial primary key,
    name                 varchar(200) not null unique,
    levels               varchar(100) not null,
    eoi_deadline         timestamptz not null,
    application_deadline timestamptz not null,
    go_live_on           date not null,
    score_min            int not null,
    score_max            int not null,
    created_by           varchar(100) not null,
    created_at           timestamptz not null default now(),
    check (score_max > score_min),
    check (application_deadline >= eoi_deadline)
);

create table cocommissioning_criterion (
    id       bigserial primary key,
    round_id bigint not null references cocommissioning_round (id),
    position int not null,
    name     varchar(300) not null,
    unique (round_id, position)
);

-- A national user re-opens the application window for one CCG, with a reason.
create table cocommissioning_window (
    id         bigserial primary key,
    round_id   bigint not null references cocommissioning_round (id),
    ccg_code   varchar(10) not null,
    open_until timestamptz not null,
    reason     varchar(2000) not null,
    opened_by  varchar(100) not null,
    opened_at  timestamptz not null default now()
);
create index cocommissioning_window_round_ccg on cocommissioning_window (round_id, ccg_code);

create table cocommissioning_application (
    id                    bigserial primary key,
    round_id              bigint not null references cocommissioning_round (id),
    ccg_code              varchar(10) not null,
    level                 varchar(30) not null,
    status                varchar(30) not null,
    integration           text not null default '',
    standards             text not null default '',
    health_inequalities   text not null default '',
    conflicts_of_interest text not null default '',
    recommendation        varchar(40),
    recommendation_reasons text,
    decision              varchar(40),
    decision_reasons      text,
    historical            boolean not null default false,
    created_by            varchar(100) not null,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               int not null default 0
);
-- One application a CCG in a round, unless it withdrew.
create unique index cocommissioning_application_one_live on cocommissioning_application (round_id, ccg_code)
    where status <> 'WITHDRAWN';
create index cocommissioning_application_ccg on cocommissioning_application (ccg_code);

create table cocommissioning_application_function (
    application_id bigint not null references cocommissioning_application (id),
    function_code  varchar(40) not null references cocommissioning_function (code),
    primary key (application_id, function_code)
);

create table cocommissioning_committee_member (
    id             bigserial primary key,
    application_id bigint not null references cocommissioning_application (id),
    position       int not null,
    name           varchar(200) not null,
    role           varchar(40) not null,
    voting         boolean not null,
    chair          boolean not null
);
create index cocommissioning_committee_member_app on cocommissioning_committee_member (application_id);

create table cocommissioning_attachment (
    id             bigserial primary key,
    application_id bigint not null references cocommissioning_application (id),
    file_name      varchar(300) not null,
    content_type   varchar(120) not null,
    size_bytes     bigint not null,
    content        bytea not null,
    uploaded_by    varchar(100) not null,
    uploaded_at    timestamptz not null default now()
);
create index cocommissioning_attachment_app on cocommissioning_attachment (application_id);

-- Append-only: every change of status, by whom, with their comment.
create table cocommissioning_status_history (
    id             bigserial primary key,
    application_id bigint not null references cocommissioning_application (id),
    from_status    varchar(30),
    to_status      varchar(30) not null,
    actor          varchar(100) not null,
    comment        text not null,
    at             timestamptz not null default now()
);
create index cocommissioning_status_history_app on cocommissioning_status_history (application_id);
create function cocommissioning_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'cocommissioning_status_history is append-only';
end $$;
create trigger cocommissioning_status_history_append_only before update or delete on cocommissioning_status_history
    for each row execute function cocommissioning_history_is_append_only();

create table cocommissioning_score (
    application_id bigint not null references cocommissioning_application (id),
    criterion_id   bigint not null references cocommissioning_criterion (id),
    score          int not null,
    comment        text not null default '',
    reviewer       varchar(100) not null,
    scored_at      timestamptz not null default now(),
    primary key (application_id, criterion_id)
);

create table cocommissioning_condition (
    id             bigserial primary key,
    application_id bigint not null references cocommissioning_application (id),
    text           varchar(2000) not null,
    discharged_on  date,
    discharged_by  varchar(100),
    discharge_note varchar(2000),
    version        int not null default 0
);
create index cocommissioning_condition_app on cocommissioning_condition (application_id);

-- The level each CCG commissions primary care at, from a date (greater involvement when there is no row).
create table cocommissioning_level (
    id             bigserial primary key,
    ccg_code       varchar(10) not null,
    level          varchar(30) not null,
    from_date      date not null,
    application_id bigint references cocommissioning_application (id),
    unique (ccg_code, from_date)
);

-- Deadline reminders already sent: each round, deadline and lead time once, across restarts.
create table cocommissioning_reminder (
    round_id    bigint not null references cocommissioning_round (id),
    deadline    varchar(30) not null,
    days_before int not null,
    sent_at     timestamptz not null default now(),
    primary key (round_id, deadline, days_before)
);
