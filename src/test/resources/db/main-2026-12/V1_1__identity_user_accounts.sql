create table identity_user_account (
    id                bigserial    primary key,
    username          varchar(100) not null unique,
    password_hash     varchar(200) not null,
    display_name      varchar(200) not null,
    email             varchar(200),
    role              varchar(20)  not null check (role in ('NATIONAL', 'AREA_TEAM', 'CCG', 'PRACTICE')),
    organisation_code varchar(12)  not null,
    enabled           boolean      not null default true,
    demo              boolean      not null default false,
    created_at        timestamptz  not null default now(),
    version           integer      not null default 0
);
create index identity_user_account_organisation on identity_user_account (organisation_code);
