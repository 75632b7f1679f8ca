-- General practice workforce by practice and month, and national staff-group series (see docs/domain-rules.md#workforce).

create table workforce_import (
    id bigserial primary key,
    kind varchar(30) not null,
    file_name varchar(200),
    month date,
    rows_read integer not null,
    rows_stored integer not null,
    warnings integer not null,
    imported_by varchar(100) not null,
    imported_at timestamptz not null default now()
);

-- One practice in one month's file: the name and commissioner as the file gave them.
create table workforce_practice_month (
    month date not null,
    source varchar(20) not null,
    practice_code varchar(10) not null,
    practice_name varchar(200),
    commissioner_code varchar(10),
    primary key (month, source, practice_code)
);

-- A figure of a practice in a month, by its published column name (mapped to the current vintage). Withheld ("ND")
-- is stored as withheld with no value, never as zero.
create table workforce_practice_value (
    month date not null,
    source varchar(20) not null,
    practice_code varchar(10) not null,
    measure varchar(80) not null,
    value numeric(14, 4),
    withheld boolean not null,
    primary key (month, source, practice_code, measure),
    constraint workforce_value_or_withheld check (withheld = (value is null))
);

create index workforce_practice_value_month on workforce_practice_value (month, measure);

-- The "high level" long file as published.
create table workforce_high_level (
    month date not null,
    practice_code varchar(10) not null,
    staff_group varchar(100) not null,
    staff_role varchar(150) not null,
    measure varchar(30) not null,
    value numeric(14, 4),
    withheld boolean not null,
    primary key (month, practice_code, staff_group, staff_role, measure),
    constraint workforce_hl_value_or_withheld check (withheld = (value is null))
);

-- National FTE by staff group and year (hospital and community health services, and GPs), for indexed growth.
create table workforce_national_series (
    year integer not null,
    staff_group varchar(100) not null,
    fte numeric(14, 2) not null,
    primary key (year, staff_group)
);
