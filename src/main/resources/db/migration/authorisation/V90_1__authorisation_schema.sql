-- CCG authorisation (docs/domain-rules.md, "CCG authorisation"): frameworks as data, versioned; waves; each CCG's
-- panel outcome with its conditions, followed by quarterly reviews until discharged.
create table authorisation_framework (
    id          bigint generated always as identity primary key,
    name        varchar(200) not null,
    version     integer      not null,
    criteria_total integer   not null,
    unique (name, version)
);

create table authorisation_domain (
    framework_id bigint       not null references authorisation_framework (id),
    number       integer      not null,
    name         varchar(200) not null,
    primary key (framework_id, number)
);

create table authorisation_criterion (
    framework_id  bigint       not null,
    code          varchar(10)  not null,
    domain_number integer      not null,
    text          varchar(500) not null,
    evidence      varchar(500) not null,
    desktop       boolean      not null,
    site_visit    boolean      not null,
    survey_360    boolean      not null,
    primary key (framework_id, code),
    foreign key (framework_id, domain_number) references authorisation_domain (framework_id, number),
    check (desktop or site_visit or survey_360)
);

create table authorisation_wave (
    framework_id bigint  not null references authorisation_framework (id),
    number       integer not null,
    panel_on     date    not null,
    primary key (framework_id, number)
);

create table authorisation_outcome (
    ccg_code     varchar(10) primary key,
    framework_id bigint      not null,
    wave         integer     not null,
    outcome      varchar(30) not null check (outcome in ('AUTHORISED', 'AUTHORISED_WITH_CONDITIONS', 'NOT_AUTHORISED')),
    decided_on   date        not null,
    foreign key (framework_id, wave) references authorisation_wave (framework_id, number)
);
create index authorisation_outcome_wave on authorisation_outcome (framework_id, wave);

create table authorisation_condition (
    id             bigint generated always as identity primary key,
    ccg_code       varchar(10) not null references authorisation_outcome (ccg_code),
    framework_id   bigint      not null,
    criterion_code varchar(10) not null,
    support_level  integer     not null check (support_level between 1 and 4),
    directions     boolean     not null,
    imposed_on     date        not null,
    discharged_on  date,
    foreign key (framework_id, criterion_code) references authorisation_criterion (framework_id, code),
    check (discharged_on is null or discharged_on >= imposed_on)
);
create index authorisation_condition_ccg on authorisation_condition (ccg_code);

create table authorisation_condition_review (
    id           bigint generated always as identity primary key,
    condition_id bigint       not null references authorisation_condition (id),
    reviewed_on  date         not null,
    met          boolean      not null,
    note         varchar(2000) not null,
    reviewed_by  varchar(100) not null
);
create index authorisation_condition_review_condition on authorisation_condition_review (condition_id);
