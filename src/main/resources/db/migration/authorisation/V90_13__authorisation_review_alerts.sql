-- Overdue quarterly reviews (docs/domain-rules.md, "CCG authorisation"): one alert per condition and due date, so a
-- daily job that re-runs never tells the area team twice.
create table authorisation_review_alert (
    condition_id bigint      not null references authorisation_condition (id),
    due_on       date        not null,
    alerted_at   timestamptz not null default now(),
    primary key (condition_id, due_on)
);
