-- Quality premium: schemes as data (one per financial year), the loaded achievement data, local measures and result runs.
create table qp_scheme (
    financial_year      integer      primary key,
    name                varchar(200) not null,
    max_per_head        numeric(8,2) not null check (max_per_head > 0),
    population_basis    varchar(300) not null,
    reduction_mode      varchar(10)  not null check (reduction_mode in ('ADDITIVE', 'COMPOUND')),
    status              varchar(10)  not null check (status in ('DRAFT', 'PUBLISHED')),
    copied_from         integer,
    version             integer      not null default 0
);

-- A measure, or (with parent_code) one part of a composite measure whose weight is its share of the parent.
create table qp_measure (
    financial_year  integer       not null references qp_scheme (financial_year),
    code            varchar(20)   not null,
    parent_code     varchar(20),
    position        integer       not null,
    name            varchar(300)  not null,
    kind            varchar(10)   not null check (kind in ('NATIONAL', 'LOCAL')),
    weight_percent  numeric(7,3)  not null check (weight_percent > 0 and weight_percent <= 100),
    rule            varchar(12)   not null check (rule in ('REDUCTION', 'THRESHOLD', 'MINIMUM', 'CONDITION', 'COMPOSITE')),
    target          numeric(14,4),
    baseline_period varchar(20),
    primary key (financial_year, code)
);

create table qp_standard (
    financial_year     integer      not null references qp_scheme (financial_year),
    code               varchar(20)  not null,
    position           integer      not null,
    name               varchar(300) not null,
    threshold_percent  numeric(6,2) not null,
    reduction_percent  numeric(6,2) not null check (reduction_percent >= 0 and reduction_percent <= 100),
    primary key (financial_year, code)
);

create table qp_gateway (
    financial_year integer      not null references qp_scheme (financial_year),
    code           varchar(20)  not null,
    position       integer      not null,
    name           varchar(300) not null,
    primary key (financial_year, code)
);

-- Loaded achievement data: a measure's value in a period, a standard's % achieved, a gateway passed (1) or failed (0).
-- target: a CCG-specific threshold (e.g. its C. difficile objective) where the scheme's varies by CCG.
create table qp_data (
    financial_year integer       not null,
    ccg_code       varchar(12)   not null,
    record         varchar(10)   not null check (record in ('MEASURE', 'STANDARD', 'GATEWAY')),
    item_code      varchar(20)   not null,
    period         varchar(20)   not null,
    value          numeric(18,4) not null,
    numerator      numeric(18,4),
    denominator    numeric(18,4),
    target         numeric(18,4),
    import_id      bigint        not null,
    primary key (financial_year, ccg_code, record, item_code, period)
);

create table qp_import (
    id              bigserial    primary key,
    financial_year  integer      not null,
    file_name       varchar(300),
    sha256          char(64)     not null,
    imported_by     varchar(100) not null,
    imported_at     timestamptz  not null default now(),
    outcome         varchar(10)  not null check (outcome in ('COMMITTED', 'REJECTED')),
    rows_read       integer      not null,
    errors          integer      not null
);

create table qp_local_measure (
    id              bigserial    primary key,
    financial_year  integer      not null references qp_scheme (financial_year),
    ccg_code        varchar(12)  not null,
    slot_code       varchar(20)  not null,
    title           varchar(300) not null,
    description     varchar(2000) not null,
    status          varchar(10)  not null check (status in ('PROPOSED', 'AGREED', 'REJECTED')),
    reason          varchar(2000),
    version         integer      not null default 0,
    unique (financial_year, ccg_code, slot_code)
);

create table qp_local_measure_history (
    id               bigserial    primary key,
    local_measure_id bigint       not null references qp_local_measure (id),
    status           varchar(10)  not null,
    reason           varchar(2000),
    changed_by       varchar(100) not null,
    changed_at       timestamptz  not null default now()
);

create table qp_run (
    id              bigserial     primary key,
    financial_year  integer       not null references qp_scheme (financial_year),
    status          varchar(12)   not null check (status in ('COMPUTED', 'PUBLISHED', 'SUPERSEDED')),
    computed_by     varchar(100)  not null,
    computed_at     timestamptz   not null default now(),
    published_by    varchar(100),
    published_at    timestamptz,
    inputs_sha256   char(64)      not null,
    scheme          jsonb         not null,
    population_date date,
    total_maximum   numeric(16,2) not null,
    total_paid      numeric(16,2) not null
);

create table qp_run_result (
    run_id           bigint        not null references qp_run (id),
    ccg_code         varchar(12)   not null,
    ccg_name         varchar(200)  not null,
    population       bigint        not null,
    maximum          numeric(16,2) not null,
    earned           numeric(16,2) not null,
    reduction        numeric(16,2) not null,
    final_award      numeric(16,2) not null,
    percent_of_max   numeric(7,2)  not null,
    gateways_passed  boolean       not null,
    standards_missed integer       not null,
    inputs           jsonb         not null,
    explanation      jsonb         not null,
    primary key (run_id, ccg_code)
);
