-- GP contracts: the national register of primary medical care contracts, its dated history, the contractor's
-- partners or directors, and NHS Digital's "NHS Payments to General Practice" as published each year.

create table contracts_contract (
    practice_code    varchar(10) primary key,
    contract_type    varchar(10) not null check (contract_type in ('GMS', 'PMS', 'APMS', 'OTHER')),
    contractor_kind  varchar(12) not null default 'UNKNOWN'
                     check (contractor_kind in ('INDIVIDUAL', 'PARTNERSHIP', 'COMPANY', 'UNKNOWN')),
    start_date       date,
    end_date         date,
    essential        boolean not null default true,
    additional       boolean not null default true,
    enhanced         boolean not null default false,
    list_size        integer,
    dispensing       boolean not null default false,
    premises         varchar(300),
    -- the financial year of the payments file the contract type was last taken from, so an older file never
    -- overwrites what a newer one said
    type_from_year   smallint,
    version          integer not null default 0,
    updated_at       timestamptz not null default now(),
    check (end_date is null or start_date is null or end_date >= start_date)
);

create index contracts_contract_type on contracts_contract (contract_type);
create index contracts_contract_end on contracts_contract (end_date) where end_date is not null;

-- Append-only: every change with the day it takes effect and the contract as it stood after it.
create table contracts_contract_history (
    id              bigserial primary key,
    practice_code   varchar(10) not null references contracts_contract (practice_code),
    effective_from  date,
    recorded_at     timestamptz not null default now(),
    recorded_by     varchar(100) not null,
    change          varchar(300) not null,
    contract_type   varchar(10) not null,
    contractor_kind varchar(12) not null,
    start_date      date,
    end_date        date,
    list_size       integer,
    dispensing      boolean not null
);

create index contracts_contract_history_practice on contracts_contract_history (practice_code, id);

create table contracts_party (
    id             bigserial primary key,
    practice_code  varchar(10) not null references contracts_contract (practice_code),
    name           varchar(200) not null,
    role           varchar(12) not null check (role in ('CONTRACTOR', 'PARTNER', 'DIRECTOR')),
    -- governance's person, where the partner is the same person (no foreign key: governance owns its tables)
    person_id      bigint,
    valid_from     date,
    valid_to       date
);

create index contracts_party_practice on contracts_party (practice_code);

create table contracts_payment_import (
    id           bigserial primary key,
    year_start   smallint not null,
    file_name    varchar(300) not null,
    imported_by  varchar(100) not null,
    imported_at  timestamptz not null default now(),
    outcome      varchar(10) not null check (outcome in ('COMMITTED', 'REJECTED')),
    rows_read    integer not null,
    stored       integer not null,
    warnings     integer not null,
    errors       integer not null
);

-- One row per practice and year, as published; the year's rows are replaced whole by a re-import.
create table contracts_payment (
    year_start          smallint not null,
    practice_code       varchar(10) not null,
    practice_name       varchar(200),
    region_code         varchar(10),
    region_name         varchar(200),
    ccg_code            varchar(10),
    ccg_name            varchar(200),
    pcn_code            varchar(10),
    pcn_name            varchar(200),
    contract_type       varchar(20) not null,
    dispensing          boolean not null,
    registered_patients numeric(12, 2) not null,
    weighted_patients   numeric(12, 2) not null,
    total_payments      numeric(16, 2) not null,
    import_id           bigint not null references contracts_payment_import (id),
    primary key (year_start, practice_code)
);

create index contracts_payment_ccg on contracts_payment (year_start, ccg_code);

create table contracts_payment_line (
    year_start     smallint not null,
    practice_code  varchar(10) not null,
    line           varchar(200) not null,
    amount         numeric(16, 2) not null,
    primary key (year_start, practice_code, line)
);
