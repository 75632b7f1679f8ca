-- Alerts (issue 5, item 7): a practice or CCG that became significantly worse than the previous period, or moved into
-- the worst decile. One row per organisation, indicator, reason and pair of periods, so nothing is raised twice.
create table outcomes_alert (
    id               bigserial        primary key,
    indicator_id     varchar(40)      not null,
    level            varchar(10)      not null check (level in ('PRACTICE', 'CCG')),
    org_code         varchar(12)      not null,
    org_name         varchar(200),
    ccg_code         varchar(12),
    area_team_code   varchar(12),
    reason           varchar(20)      not null check (reason in ('SIGNIFICANTLY_WORSE', 'INTO_WORST_DECILE')),
    previous_period  varchar(7)       not null,
    period           varchar(7)       not null,
    previous_value   double precision,
    value            double precision,
    previous_decile  smallint,
    decile           smallint,
    z                double precision,
    raised_at        timestamptz      not null default now(),
    acknowledged_by  varchar(100),
    acknowledged_at  timestamptz,
    acknowledgement  varchar(500),
    version          integer          not null default 0,
    unique (org_code, indicator_id, reason, previous_period, period)
);

create index outcomes_alert_area_team on outcomes_alert (area_team_code, id);
create index outcomes_alert_indicator on outcomes_alert (indicator_id, id);

-- One digest e-mail per user and day; the last alert it listed, so the next lists only newer ones.
create table outcomes_alert_digest (
    username      varchar(100) not null,
    digest_date   date         not null,
    last_alert_id bigint       not null,
    alerts        integer      not null,
    sent_at       timestamptz  not null default now(),
    primary key (username, digest_date)
);
