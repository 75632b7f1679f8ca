-- A CCG's 360 survey report made public: once published, anyone reads it (page, CSV, PDF, JSON) without signing in.
-- Publishing is for good: the row is never deleted (docs/domain-rules.md, "CCG authorisation", "Published survey reports").
create table authorisation_survey_report_publication (
    survey_id    bigint       not null references authorisation_survey (id),
    ccg_code     varchar(10)  not null,
    published_at timestamptz  not null,
    published_by varchar(100) not null,
    primary key (survey_id, ccg_code)
);
