-- A round may set a full-application deadline per level offered (2015/16: 9 January 2015 for delegated, 30 January
-- 2015 for joint, REFERENCE.md section 3); a level without one uses the round's deadline.
create table cocommissioning_level_deadline (
    round_id             bigint not null references cocommissioning_round (id),
    level                varchar(30) not null,
    application_deadline timestamptz not null,
    primary key (round_id, level)
);

-- Reminders of a level's own deadline are keyed APPLICATION_<LEVEL>, longer than the first keys.
alter table cocommissioning_reminder alter column deadline type varchar(60);
