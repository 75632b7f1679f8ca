-- The dated national structure (docs/domain-rules.md, "The dated national structure"): integrated care boards, the
-- dated type of a CCG-level organisation (a CCG, and from 1 July 2022 a sub-ICB location with the same code), and
-- ODS's successor file.
alter table directory_organisation drop constraint directory_organisation_type_check;
alter table directory_organisation add constraint directory_organisation_type_check
    check (type in ('NHS_ENGLAND', 'REGION', 'AREA_TEAM', 'ICB', 'CCG', 'CSU', 'GP_PRACTICE'));
-- The ODS role the latest file gave (e.g. RO98 a CCG, RO319 a sub-ICB location).
alter table directory_organisation add column ods_role varchar(10);

-- What a CCG-level organisation was on each day: CCG, then SUB_ICB_LOCATION. An organisation with no rows here is
-- of its stored type on every day. valid_to is the last day.
create table directory_organisation_type_period (
    code       varchar(12) not null references directory_organisation (code),
    type       varchar(20) not null check (type in ('CCG', 'SUB_ICB_LOCATION')),
    valid_from date,
    valid_to   date,
    primary key (code, type),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

-- ODS succ.csv: an organisation's code replaced by another on a date (mergers, re-codings). Either code may be one
-- the directory does not hold (yet), so neither references directory_organisation.
create table directory_succession (
    old_code       varchar(12) not null,
    new_code       varchar(12) not null,
    reason         varchar(10),
    effective_date date        not null,
    indicator      varchar(10),
    import_id      bigint,
    primary key (old_code, new_code),
    check (old_code <> new_code)
);
create index directory_succession_new on directory_succession (new_code);
