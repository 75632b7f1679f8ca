-- A CCG's planning targets (docs/domain-rules.md#workforce, "Planning"): append-only, the latest row of a CCG and
-- measure is the target in force; a removed target is a row with no value.
create table workforce_target (
    id bigserial primary key,
    ccg_code varchar(10) not null,
    measure varchar(40) not null,
    target numeric(8, 2) check (target > 0),
    set_by varchar(100) not null,
    set_at timestamptz not null default now()
);

create index workforce_target_latest on workforce_target (ccg_code, measure, id desc);
