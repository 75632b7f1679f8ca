-- Yearly reviews of commissioning support by the CCGs that buy it, and the service levels agreed per arrangement
-- (docs/domain-rules.md#commissioning-support, "Reviews of providers").

-- One CCG's review of one service it buys, in one financial year (year_start 2015 is 2015/16), of the provider it
-- bought the service from when it answered.
create table cs_review_response (
    year_start integer not null check (year_start between 2013 and 2200),
    ccg_code varchar(10) not null,
    service_code varchar(40) not null references cs_service (code),
    provider_code varchar(20) not null references cs_provider (code),
    comments varchar(2000),
    submitted_by varchar(100) not null,
    submitted_at timestamptz not null default now(),
    primary key (year_start, ccg_code, service_code)
);

create index cs_review_response_provider on cs_review_response (year_start, service_code, provider_code);

-- The answer to one statement, 1 (strongly disagree) to 5 (strongly agree); the statements are the module's
-- ReviewQuestion.
create table cs_review_answer (
    year_start integer not null,
    ccg_code varchar(10) not null,
    service_code varchar(40) not null,
    question varchar(30) not null,
    score smallint not null check (score between 1 and 5),
    primary key (year_start, ccg_code, service_code, question),
    foreign key (year_start, ccg_code, service_code) references cs_review_response (year_start, ccg_code, service_code)
        on delete cascade
);

-- A service level agreed for a CCG's purchase of a service: a measure in per cent and its target (met at or above).
create table cs_service_level (
    id bigserial primary key,
    ccg_code varchar(10) not null,
    service_code varchar(40) not null references cs_service (code),
    provider_code varchar(20) not null references cs_provider (code),
    name varchar(200) not null,
    target_percent numeric(4,1) not null check (target_percent between 0 and 100),
    created_by varchar(100) not null,
    created_at timestamptz not null default now(),
    unique (ccg_code, service_code, provider_code, name)
);

-- What the provider achieved in one quarter (its first day); recording a quarter again replaces it.
create table cs_service_level_actual (
    service_level_id bigint not null references cs_service_level (id),
    quarter_start date not null check (extract(day from quarter_start) = 1 and extract(month from quarter_start) in (1, 4, 7, 10)),
    actual_percent numeric(4,1) not null check (actual_percent between 0 and 100),
    recorded_by varchar(100) not null,
    recorded_at timestamptz not null default now(),
    primary key (service_level_id, quarter_start)
);
