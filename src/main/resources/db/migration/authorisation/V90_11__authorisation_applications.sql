-- A CCG's application to a wave (docs/domain-rules.md, "CCG authorisation"): evidence per criterion (a PDF kept in the
-- database, checked by its content, or a link), the assessors assigned to it, their recommendation per criterion at
-- the desktop review and the site visit, the site visit's record, and the panel's decision per criterion.
create table authorisation_application (
    id               bigint generated always as identity primary key,
    ccg_code         varchar(10)   not null,
    framework_id     bigint        not null,
    wave             integer       not null,
    status           varchar(20)   not null check (status in ('DRAFT', 'SUBMITTED', 'DECIDED')),
    self_assessment  varchar(4000),
    submitted_at     timestamptz,
    site_visit_on    date,
    site_visit_note  varchar(4000),
    decided_on       date,
    unique (ccg_code, framework_id),
    foreign key (framework_id, wave) references authorisation_wave (framework_id, number)
);

create table authorisation_evidence (
    id             bigint generated always as identity primary key,
    application_id bigint        not null references authorisation_application (id),
    criterion_code varchar(10)   not null,
    title          varchar(200)  not null,
    url            varchar(500),
    file_name      varchar(200),
    content        bytea,
    sha256         char(64),
    added_by       varchar(100)  not null,
    added_at       timestamptz   not null default now(),
    check ((url is null) <> (content is null))
);
create index authorisation_evidence_application on authorisation_evidence (application_id);

create table authorisation_assessor (
    application_id bigint       not null references authorisation_application (id),
    username       varchar(100) not null,
    primary key (application_id, username)
);

create table authorisation_recommendation (
    application_id bigint        not null references authorisation_application (id),
    criterion_code varchar(10)   not null,
    stage          varchar(12)   not null check (stage in ('DESKTOP', 'SITE_VISIT')),
    met            boolean       not null,
    note           varchar(2000) not null,
    assessed_by    varchar(100)  not null,
    assessed_at    timestamptz   not null default now(),
    primary key (application_id, criterion_code, stage)
);

create table authorisation_panel_finding (
    application_id bigint      not null references authorisation_application (id),
    criterion_code varchar(10) not null,
    met            boolean     not null,
    support_level  integer     check (support_level between 1 and 4),
    directions     boolean     not null default false,
    primary key (application_id, criterion_code),
    check (met = (support_level is null)),
    check (not directions or support_level = 4)
);
