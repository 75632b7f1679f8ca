-- Commissioning support: providers, the services catalogue and each CCG's arrangements
-- (see docs/domain-rules.md#commissioning-support).

create table cs_service (
    code varchar(40) primary key,
    name varchar(100) not null,
    position integer not null
);

insert into cs_service (code, name, position) values
    ('BUSINESS_INTELLIGENCE', 'Business intelligence', 1),
    ('CONTRACTING', 'Contracting and contract management', 2),
    ('PROCUREMENT', 'Procurement', 3),
    ('FINANCE', 'Financial management', 4),
    ('HR', 'Human resources', 5),
    ('IT', 'IT and information governance', 6),
    ('MEDICINES_MANAGEMENT', 'Medicines management', 7),
    ('COMMUNICATIONS', 'Communications and engagement', 8);

-- A provider: a commissioning support unit (its ODS code) or another provider entered by NHS England.
create table cs_provider (
    code varchar(20) primary key,
    name varchar(200) not null,
    csu boolean not null,
    created_at timestamptz not null default now()
);

create sequence cs_provider_number;

-- How a CCG gets one service: made in house, bought from a provider, or shared with other CCGs.
create table cs_arrangement (
    ccg_code varchar(10) not null,
    service_code varchar(40) not null references cs_service (code),
    mode varchar(10) not null check (mode in ('MAKE', 'BUY', 'SHARE')),
    provider_code varchar(20) references cs_provider (code),
    shared_with varchar(200),
    annual_value_pence bigint check (annual_value_pence >= 0),
    end_date date,
    updated_by varchar(100) not null,
    updated_at timestamptz not null default now(),
    primary key (ccg_code, service_code),
    constraint cs_buy_has_provider check ((mode = 'BUY') = (provider_code is not null)),
    constraint cs_share_has_partners check ((mode = 'SHARE') = (shared_with is not null))
);

create index cs_arrangement_provider on cs_arrangement (provider_code);
