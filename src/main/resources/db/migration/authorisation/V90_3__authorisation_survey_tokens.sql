-- The 360 stakeholder survey's one-time links (docs/domain-rules.md, "CCG authorisation"): only a hash of each token
-- is stored; a link is used once, expires and can be revoked. Questions are Likert items grouped by domain.
create table authorisation_survey (
    id    bigint generated always as identity primary key,
    name  varchar(200) not null
);

create table authorisation_survey_question (
    survey_id     bigint       not null references authorisation_survey (id),
    number        integer      not null,
    domain_number integer      not null check (domain_number between 1 and 6),
    text          varchar(500) not null,
    primary key (survey_id, number)
);

create table authorisation_survey_invitation (
    id                bigint generated always as identity primary key,
    survey_id         bigint       not null references authorisation_survey (id),
    ccg_code          varchar(10)  not null,
    stakeholder_group varchar(40)  not null,
    token_sha256      char(64)     not null unique,
    expires_at        timestamptz  not null,
    used_at           timestamptz,
    revoked_at        timestamptz
);
create index authorisation_survey_invitation_ccg on authorisation_survey_invitation (survey_id, ccg_code);

create table authorisation_survey_answer (
    invitation_id   bigint  not null references authorisation_survey_invitation (id),
    question_number integer not null,
    agreement       integer not null check (agreement between 1 and 5),
    primary key (invitation_id, question_number)
);
