-- The 360 survey's front half (docs/domain-rules.md, "CCG authorisation"): the questionnaire per survey year with
-- each question's scale, each CCG's stakeholder list, invitations tied to a stakeholder, and free-text answers.
alter table authorisation_survey add column year integer check (year between 2012 and 2100);

alter table authorisation_survey_question
    add column scale varchar(20) not null default 'AGREE_5' check (scale in ('AGREE_5', 'FREE_TEXT'));

create table authorisation_stakeholder (
    id                bigint generated always as identity primary key,
    ccg_code          varchar(10)  not null,
    organisation      varchar(200) not null,
    stakeholder_group varchar(40)  not null check (stakeholder_group in ('MEMBER_PRACTICE', 'PROVIDER',
                          'NEIGHBOURING_CCG', 'LOCAL_AUTHORITY', 'HEALTH_AND_WELLBEING_BOARD', 'PATIENT_GROUP')),
    role              varchar(100) not null,
    email             varchar(200) not null,
    removed_at        timestamptz
);
create index authorisation_stakeholder_ccg on authorisation_stakeholder (ccg_code);
-- One e-mail address once on a CCG's current list.
create unique index authorisation_stakeholder_email on authorisation_stakeholder (ccg_code, lower(email))
    where removed_at is null;

alter table authorisation_survey_invitation
    add column stakeholder_id bigint references authorisation_stakeholder (id),
    add column invited_at timestamptz;
create index authorisation_survey_invitation_stakeholder on authorisation_survey_invitation (survey_id, stakeholder_id);

alter table authorisation_survey_answer
    alter column agreement drop not null,
    add column text varchar(2000),
    add constraint authorisation_survey_answer_given check (agreement is not null or text is not null);
