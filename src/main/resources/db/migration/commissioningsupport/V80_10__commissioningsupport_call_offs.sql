-- Call-off competitions under a framework (docs/domain-rules.md#commissioning-support, "Call-off competitions").

create table cs_call_off (
    id bigserial primary key,
    ccg_code varchar(10) not null,
    service_code varchar(40) not null references cs_service (code),
    title varchar(200) not null,
    requirements varchar(4000) not null,
    status varchar(20) not null check (status in ('OPEN', 'AWARDED')),
    awarded_provider varchar(20) references cs_provider (code),
    award_value_pence bigint check (award_value_pence >= 0),
    contract_end date,
    standstill_ends date,
    created_by varchar(100) not null,
    created_at timestamptz not null default now(),
    awarded_by varchar(100),
    awarded_at timestamptz,
    constraint cs_call_off_awarded check ((status = 'AWARDED') = (awarded_provider is not null))
);

create index cs_call_off_ccg on cs_call_off (ccg_code, id desc);

-- Criteria and their weights (per cent, adding up to 100).
create table cs_call_off_criterion (
    call_off_id bigint not null references cs_call_off (id),
    position integer not null,
    name varchar(100) not null,
    weight integer not null check (weight between 0 and 100),
    primary key (call_off_id, position)
);

create table cs_call_off_bid (
    call_off_id bigint not null references cs_call_off (id),
    provider_code varchar(20) not null references cs_provider (code),
    annual_value_pence bigint not null check (annual_value_pence >= 0),
    summary varchar(2000),
    received_by varchar(100) not null,
    received_at timestamptz not null default now(),
    primary key (call_off_id, provider_code)
);

-- An evaluator and the interest they declared in a bidder, if any: a conflicted evaluator does not score.
create table cs_call_off_evaluator (
    call_off_id bigint not null references cs_call_off (id),
    name varchar(100) not null,
    conflict varchar(500),
    primary key (call_off_id, name)
);

-- One evaluator's score (0 to 5) of one bid on one criterion; scoring again replaces it.
create table cs_call_off_score (
    call_off_id bigint not null,
    provider_code varchar(20) not null,
    position integer not null,
    evaluator varchar(100) not null,
    score integer not null check (score between 0 and 5),
    scored_by varchar(100) not null,
    primary key (call_off_id, provider_code, position, evaluator),
    foreign key (call_off_id, provider_code) references cs_call_off_bid (call_off_id, provider_code),
    foreign key (call_off_id, position) references cs_call_off_criterion (call_off_id, position),
    foreign key (call_off_id, evaluator) references cs_call_off_evaluator (call_off_id, name)
);
