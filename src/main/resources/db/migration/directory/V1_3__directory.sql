create table directory_organisation (
    code                varchar(12)  primary key,
    type                varchar(20)  not null
        check (type in ('NHS_ENGLAND', 'REGION', 'AREA_TEAM', 'CCG', 'CSU', 'GP_PRACTICE')),
    name                varchar(200) not null,
    address_line_1      varchar(100),
    address_line_2      varchar(100),
    address_line_3      varchar(100),
    address_line_4      varchar(100),
    address_line_5      varchar(100),
    postcode            varchar(10),
    open_date           date,
    close_date          date,
    status              char(1)      check (status in ('A', 'C', 'D', 'P')),
    prescribing_setting smallint,
    national_grouping   varchar(5),
    health_geography    varchar(5),
    telephone           varchar(40),
    placeholder         boolean      not null default false,
    synthetic           boolean      not null default false,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             integer      not null default 0,
    check (close_date is null or open_date is null or close_date >= open_date)
);
create index directory_organisation_type on directory_organisation (type);
create index directory_organisation_lower_name on directory_organisation (lower(name) varchar_pattern_ops);

-- Dated parent links: a practice's CCG, a CCG's area team, an area team's region. valid_to is the last day.
create table directory_relationship (
    id          bigserial   primary key,
    child_code  varchar(12) not null references directory_organisation (code),
    parent_code varchar(12) not null references directory_organisation (code),
    valid_from  date,
    valid_to    date,
    recorded_at timestamptz not null default now(),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index directory_relationship_child on directory_relationship (child_code);
create index directory_relationship_parent on directory_relationship (parent_code);

create table directory_import (
    id          bigserial    primary key,
    kind        varchar(40)  not null,
    file_name   varchar(300),
    sha256      char(64)     not null,
    imported_by varchar(100) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz  not null,
    outcome     varchar(10)  not null check (outcome in ('COMMITTED', 'REJECTED')),
    rows_read   integer      not null,
    created     integer      not null,
    updated     integer      not null,
    unchanged   integer      not null,
    warnings    jsonb        not null,
    errors      jsonb        not null
);

-- Every version an organisation has had, so an update never loses what it replaced.
create table directory_organisation_revision (
    id          bigserial   primary key,
    code        varchar(12) not null references directory_organisation (code),
    recorded_at timestamptz not null default now(),
    import_id   bigint      references directory_import (id),
    change      varchar(10) not null check (change in ('CREATED', 'UPDATED')),
    attributes  jsonb       not null
);
create index directory_organisation_revision_code on directory_organisation_revision (code, recorded_at);

-- Registered list per practice and extract, by sex (MALE, FEMALE, ALL) and 5-year band ('0_4' .. '90+', or 'ALL').
create table directory_registered_patients (
    practice_code varchar(12) not null references directory_organisation (code),
    extract_date  date        not null,
    sex           varchar(6)  not null check (sex in ('MALE', 'FEMALE', 'ALL')),
    age_band      varchar(6)  not null,
    patients      integer     not null check (patients >= 0),
    import_id     bigint      references directory_import (id),
    primary key (practice_code, extract_date, sex, age_band)
);
create index directory_registered_patients_extract on directory_registered_patients (extract_date, sex, age_band);

-- NHS England itself is a fact of the directory, not data to import.
insert into directory_organisation (code, type, name) values ('X24', 'NHS_ENGLAND', 'NHS England');
