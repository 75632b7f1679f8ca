-- A CCG ends delegation by notice given by 30 September, effective the next 1 April (REFERENCE.md section 3); its
-- level then reverts to joint commissioning or greater involvement, as the CCG chooses.
create table cocommissioning_delegation_notice (
    id           bigserial primary key,
    ccg_code     varchar(10) not null,
    given_on     date not null,
    effective_on date not null,
    reverts_to   varchar(30) not null check (reverts_to in ('JOINT', 'GREATER_INVOLVEMENT')),
    reason       text not null,
    given_by     varchar(100) not null,
    given_at     timestamptz not null default now(),
    unique (ccg_code, effective_on),
    check (effective_on > given_on)
);
