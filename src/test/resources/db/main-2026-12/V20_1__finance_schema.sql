-- Allocation formulas as versioned data: a DRAFT is edited by national users; publishing freezes it.
create table finance_formula (
    id                         bigserial    primary key,
    name                       varchar(200) not null,
    financial_year             integer      not null,
    status                     varchar(10)  not null check (status in ('DRAFT', 'PUBLISHED')),
    inequalities_share_ccg     numeric(8, 6) not null,
    inequalities_share_primary numeric(8, 6) not null,
    created_by                 varchar(100) not null,
    created_at                 timestamptz  not null default now(),
    published_by               varchar(100),
    published_at               timestamptz,
    version                    integer      not null default 0
);

-- Age/sex cost curve: the relative cost of a person of this sex and 5-year band ('0_4' .. '90+').
create table finance_formula_weight (
    formula_id bigint       not null references finance_formula (id),
    age_band   varchar(6)   not null,
    sex        varchar(6)   not null check (sex in ('MALE', 'FEMALE')),
    cost_index numeric(12, 6) not null check (cost_index >= 0),
    primary key (formula_id, age_band, sex)
);

-- Per-CCG indices; a CCG without a row has 1 for each.
create table finance_formula_ccg_factor (
    formula_id           bigint        not null references finance_formula (id),
    ccg_code             varchar(12)   not null,
    additional_need      numeric(12, 6) not null check (additional_need > 0),
    market_forces_factor numeric(12, 6) not null check (market_forces_factor > 0),
    inequality_index     numeric(12, 6) not null check (inequality_index > 0),
    primary key (formula_id, ccg_code)
);

-- Carr-Hill-style global sum coefficients, as name/value pairs.
create table finance_formula_global_sum (
    formula_id bigint        not null references finance_formula (id),
    name       varchar(60)   not null,
    value      numeric(16, 6) not null,
    primary key (formula_id, name)
);

-- Append-only status history of a formula.
create table finance_formula_history (
    id         bigserial    primary key,
    formula_id bigint       not null references finance_formula (id),
    status     varchar(10)  not null,
    changed_by varchar(100) not null,
    changed_at timestamptz  not null default now()
);

-- Last year's allocations where no earlier run exists (the first year): imported.
create table finance_baseline (
    financial_year integer       not null,
    programme      varchar(30)   not null,
    ccg_code       varchar(12)   not null,
    allocation     numeric(16, 2) not null check (allocation >= 0),
    primary key (financial_year, programme, ccg_code)
);

create table finance_run (
    id                  bigserial     primary key,
    name                varchar(200)  not null,
    financial_year      integer       not null,
    programme           varchar(30)   not null check (programme in ('CORE_CCG', 'PRIMARY_CARE_MEDICAL')),
    formula_id          bigint        not null references finance_formula (id),
    extract_date        date          not null,
    envelope            numeric(16, 2) not null,
    specialised_envelope numeric(16, 2) not null,
    minimum_growth      numeric(10, 6) not null,
    maximum_growth      numeric(10, 6) not null,
    gap_closure         numeric(10, 6) not null,
    over_target_floor   numeric(10, 6) not null,
    baseline_source     varchar(200)  not null,
    copied_from         bigint        references finance_run (id),
    created_by          varchar(100)  not null,
    created_at          timestamptz   not null default now(),
    published_by        varchar(100),
    published_at        timestamptz
);

create table finance_run_result (
    run_id              bigint         not null references finance_run (id),
    ccg_code            varchar(12)    not null,
    ccg_name            varchar(200)   not null,
    raw_population      bigint         not null,
    weighted_population numeric(18, 4) not null,
    target_share        numeric(14, 12) not null,
    target              numeric(16, 2) not null,
    baseline            numeric(16, 2) not null,
    allocation          numeric(16, 2) not null,
    primary key (run_id, ccg_code)
);
