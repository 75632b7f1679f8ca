-- Outcomes indicators as data: what is measured, how, and which way is better.
create table outcomes_indicator (
    id                     varchar(40)  primary key,
    name                   varchar(200) not null,
    domain                 smallint     not null check (domain between 1 and 5),
    level                  varchar(10)  not null check (level in ('PRACTICE', 'CCG')),
    type                   varchar(12)  not null check (type in ('PROPORTION', 'CRUDE_RATE', 'DSR')),
    multiplier             integer      not null check (multiplier in (100, 1000, 100000)),
    polarity               varchar(12)  not null check (polarity in ('HIGH_IS_GOOD', 'LOW_IS_GOOD', 'NO_JUDGEMENT')),
    numerator_definition   text         not null,
    denominator_definition text         not null,
    population_denominator boolean      not null default false,
    source                 varchar(200) not null,
    method                 varchar(10)  not null check (method in ('WILSON', 'BYAR', 'DOBSON')),
    fingertips_id          integer      unique,
    check ((type = 'PROPORTION') = (multiplier = 100 and method = 'WILSON'))
);

-- Every period an observation has used, with its dates, so that links and list sizes are taken as at the period.
create table outcomes_period (
    period    varchar(7) primary key,
    kind      varchar(7) not null check (kind in ('MONTH', 'QUARTER', 'YEAR')),
    starts    date       not null,
    ends      date       not null,
    list_date date       not null
);

create table outcomes_import (
    id          bigserial    primary key,
    format      varchar(20)  not null,
    file_name   varchar(300),
    imported_by varchar(100) not null,
    started_at  timestamptz  not null default now(),
    finished_at timestamptz,
    status      varchar(10)  not null check (status in ('RUNNING', 'COMMITTED', 'REJECTED', 'FAILED')),
    rows_read   bigint       not null default 0,
    stored      bigint       not null default 0,
    errors      jsonb        not null default '[]'
);

-- Observations as imported (or, for a population denominator left blank, with the registered list of the quarter).
-- No foreign keys: every import checks indicators and periods set-wise before storing, and per-row key checks made
-- a national load several times slower.
create table outcomes_observation (
    indicator_id varchar(40)      not null,
    period       varchar(7)       not null,
    org_code     varchar(12)      not null,
    numerator    double precision not null check (numerator >= 0),
    denominator  double precision not null check (denominator >= 0),
    import_id    bigint           not null,
    primary key (indicator_id, period, org_code)
);

-- Computed after every import: one row per indicator, period, level and organisation.
create table outcomes_value (
    indicator_id        varchar(40)      not null,
    period              varchar(7)       not null,
    level               varchar(10)      not null check (level in ('PRACTICE', 'CCG', 'AREA_TEAM', 'REGION', 'ENGLAND')),
    org_code            varchar(12)      not null,
    parent_code         varchar(12),
    numerator           double precision not null,
    denominator         double precision not null,
    value               double precision,
    lower95             double precision,
    upper95             double precision,
    lower998            double precision,
    upper998            double precision,
    compared_to_england varchar(12)      not null,
    decile              smallint,
    primary key (indicator_id, period, level, org_code)
);

-- The 10th..90th percentile cut points across practices and across CCGs, per indicator and period.
create table outcomes_decile (
    indicator_id varchar(40)        not null,
    period       varchar(7)         not null,
    level        varchar(10)        not null,
    organisations integer           not null,
    cuts         double precision[] not null,
    primary key (indicator_id, period, level)
);

-- Context values loaded as data for peer groups (such as a practice's deprivation score from Fingertips).
create table outcomes_org_attribute (
    org_code  varchar(12)      not null,
    attribute varchar(20)      not null check (attribute in ('DEPRIVATION', 'RURALITY')),
    value     double precision not null,
    source    varchar(200)     not null,
    import_id bigint           not null,
    primary key (org_code, attribute)
);

-- Which Fingertips indicators (value only, no count) are context attributes rather than observations.
create table outcomes_fingertips_attribute (
    fingertips_id integer     primary key,
    attribute     varchar(20) not null check (attribute in ('DEPRIVATION', 'RURALITY'))
);

-- Each CCG's 10 most similar CCGs, and the standardised variables that made them.
create table outcomes_peer (
    ccg_code    varchar(12)      not null,
    rank        smallint         not null check (rank between 1 and 10),
    peer_code   varchar(12)      not null,
    distance    double precision not null,
    computed_at timestamptz      not null,
    primary key (ccg_code, rank)
);

create table outcomes_peer_variable (
    ccg_code  varchar(12)      not null,
    variable  varchar(30)      not null,
    raw_value double precision not null,
    z_score   double precision not null,
    primary key (ccg_code, variable)
);
