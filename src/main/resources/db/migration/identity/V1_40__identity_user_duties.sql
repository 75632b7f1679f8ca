-- Duties an account holds for one organisation beyond its role (e.g. a CCG's governance lead).
create table identity_user_duty (
    username          varchar(100) not null references identity_user_account (username),
    duty              varchar(40)  not null
        check (duty in ('GOVERNANCE_LEAD', 'CONFLICT_OF_INTEREST_GUARDIAN', 'ACCOUNTABLE_OFFICER')),
    organisation_code varchar(12)  not null,
    granted_by        varchar(100) not null,
    granted_at        timestamptz  not null default now(),
    primary key (username, duty, organisation_code)
);
create index identity_user_duty_organisation on identity_user_duty (organisation_code);
