-- The expression of interest: a CCG says, by the round's expressions-of-interest deadline, which level it means to
-- apply for; only then may it start the full application (docs/domain-rules.md, co-commissioning "Deadlines").
create table cocommissioning_expression_of_interest (
    round_id     bigint       not null references cocommissioning_round (id),
    ccg_code     varchar(10)  not null,
    level        varchar(30)  not null,
    expressed_by varchar(100) not null,
    expressed_at timestamptz  not null default now(),
    primary key (round_id, ccg_code)
);

-- A re-opened window is for one stage: expressions of interest, or full applications (all re-openings so far).
alter table cocommissioning_window add column stage varchar(30) not null default 'APPLICATION'
    check (stage in ('EXPRESSION_OF_INTEREST', 'APPLICATION'));
