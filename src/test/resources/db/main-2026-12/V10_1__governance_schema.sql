-- Governance and conflicts of interest: people, their links and declarations, gifts, committees, meetings.

-- Configurable values (REFERENCE.md section 4), the reference value as default.
create table governance_setting (
    name        varchar(60)   primary key,
    value       numeric(12,2) not null,
    description varchar(300)  not null
);
insert into governance_setting (name, value, description) values
    ('declaration_due_days', 28, 'Days after an interest arises by which it must be declared (s.14O NHS Act 2006)'),
    ('renewal_months', 12, 'Months after which every person must renew their declarations'),
    ('published_after_end_months', 6, 'Months an ended interest stays in the published register'),
    ('supplier_gift_limit', 6.00, 'Gifts from suppliers: only promotional items up to this value'),
    ('gift_declaration_from', 50.00, 'Other gifts: declared from this value'),
    ('hospitality_declaration_from', 25.00, 'Hospitality: declared from this value'),
    ('hospitality_refusal_above', 75.00, 'Hospitality above this value is refused unless senior approval');

create table governance_person (
    id         bigserial    primary key,
    ccg_code   varchar(12)  not null,
    name       varchar(200) not null,
    role       varchar(30)  not null check (role in ('GP_MEMBER', 'LAY_MEMBER', 'EXECUTIVE',
        'SECONDARY_CARE_DOCTOR', 'NURSE', 'HEALTHWATCH', 'LOCAL_AUTHORITY')),
    voting     boolean      not null,
    title      varchar(200),
    username   varchar(100),
    joined_on  date         not null,
    version    integer      not null default 0,
    created_at timestamptz  not null default now()
);
create index governance_person_ccg on governance_person (ccg_code);
create index governance_person_username on governance_person (username);

create table governance_person_link (
    id                bigserial    primary key,
    person_id         bigint       not null references governance_person (id),
    relationship      varchar(20)  not null check (relationship in ('PARTNER', 'SALARIED_GP', 'EMPLOYEE', 'DIRECTOR', 'SHAREHOLDER')),
    organisation_code varchar(12),
    body_name         varchar(200),
    relative          varchar(100),
    valid_from        date         not null,
    valid_to          date,
    check (organisation_code is not null or body_name is not null),
    check (valid_to is null or valid_to >= valid_from)
);
create index governance_person_link_person on governance_person_link (person_id);
create index governance_person_link_organisation on governance_person_link (organisation_code);

create table governance_declaration (
    id                   bigserial    primary key,
    person_id            bigint       not null references governance_person (id),
    category             varchar(30)  not null check (category in ('FINANCIAL', 'NON_FINANCIAL_PROFESSIONAL',
        'NON_FINANCIAL_PERSONAL', 'INDIRECT')),
    description          varchar(500) not null,
    organisation_code    varchar(12),
    body_name            varchar(200),
    valid_from           date         not null,
    valid_to             date,
    action_taken         varchar(500),
    declared_on          date         not null,
    sensitive            boolean      not null default false,
    sensitive_reason     varchar(500),
    sensitive_decided_by varchar(100),
    sensitive_decided_at timestamptz,
    version              integer      not null default 0,
    check (organisation_code is not null or body_name is not null),
    check (valid_to is null or valid_to >= valid_from)
);
create index governance_declaration_person on governance_declaration (person_id);

-- Each time a person confirms their register: with declarations, or a nil return.
create table governance_declaration_return (
    id          bigserial   primary key,
    person_id   bigint      not null references governance_person (id),
    returned_on date        not null,
    nil         boolean     not null,
    recorded_by varchar(100) not null
);
create index governance_declaration_return_person on governance_declaration_return (person_id, returned_on);

create table governance_gift (
    id              bigserial     primary key,
    person_id       bigint        not null references governance_person (id),
    kind            varchar(12)   not null check (kind in ('GIFT', 'HOSPITALITY')),
    from_supplier   boolean       not null,
    offered_by      varchar(200)  not null,
    description     varchar(500)  not null,
    value           numeric(12,2) not null check (value >= 0),
    offered_on      date          not null,
    accepted        boolean       not null,
    senior_approval boolean       not null default false,
    version         integer       not null default 0
);
create index governance_gift_person on governance_gift (person_id);

create table governance_committee (
    id                  bigserial    primary key,
    ccg_code            varchar(12)  not null,
    name                varchar(200) not null,
    kind                varchar(40)  not null check (kind in ('GOVERNING_BODY', 'PRIMARY_CARE_COMMISSIONING_COMMITTEE', 'OTHER')),
    min_voting_present  integer      not null check (min_voting_present >= 1),
    min_lay             integer      not null check (min_lay >= 0),
    min_gp              integer      not null check (min_gp >= 0),
    min_executive       integer      not null check (min_executive >= 0),
    lay_executive_majority boolean   not null,
    lay_chair           boolean      not null,
    chair_id            bigint       references governance_person (id),
    vice_chair_id       bigint       references governance_person (id),
    version             integer      not null default 0
);
create index governance_committee_ccg on governance_committee (ccg_code);

create table governance_committee_member (
    committee_id bigint  not null references governance_committee (id),
    person_id    bigint  not null references governance_person (id),
    voting       boolean not null,
    primary key (committee_id, person_id)
);

create table governance_meeting (
    id           bigserial    primary key,
    committee_id bigint       not null references governance_committee (id),
    held_on      date         not null,
    title        varchar(200) not null,
    version      integer      not null default 0
);
create index governance_meeting_committee on governance_meeting (committee_id, held_on);

create table governance_attendance (
    meeting_id bigint  not null references governance_meeting (id),
    person_id  bigint  not null references governance_person (id),
    present    boolean not null,
    primary key (meeting_id, person_id)
);

create table governance_agenda_item (
    id          bigserial    primary key,
    meeting_id  bigint       not null references governance_meeting (id),
    position    integer      not null,
    title       varchar(300) not null,
    kind        varchar(12)  not null check (kind in ('DECISION', 'DISCUSSION', 'INFORMATION')),
    procurement boolean      not null default false,
    status      varchar(12)  not null check (status in ('OPEN', 'APPROVED', 'REJECTED', 'DEFERRED', 'REFERRED', 'NOTED')),
    decision    varchar(1000),
    referred_to varchar(200),
    quorate     boolean,
    version     integer      not null default 0
);
create index governance_agenda_item_meeting on governance_agenda_item (meeting_id);

create table governance_item_organisation (
    item_id           bigint       not null references governance_agenda_item (id),
    kind              varchar(10)  not null check (kind in ('PRACTICE', 'PROVIDER', 'CONTRACT')),
    organisation_code varchar(12),
    body_name         varchar(200),
    check (organisation_code is not null or body_name is not null)
);
create index governance_item_organisation_item on governance_item_organisation (item_id);

-- What the chair recorded for a member on an item: the interest declared and how it was handled.
create table governance_item_declaration (
    item_id     bigint       not null references governance_agenda_item (id),
    person_id   bigint       not null references governance_person (id),
    interest    varchar(500) not null,
    handling    varchar(20)  not null check (handling in ('DECLARE_ONLY', 'MAY_NOT_VOTE', 'LEAVE_FOR_ITEM')),
    on_the_day  boolean      not null,
    recorded_by varchar(100) not null,
    recorded_at timestamptz  not null default now(),
    primary key (item_id, person_id)
);

create table governance_vote (
    item_id   bigint      not null references governance_agenda_item (id),
    person_id bigint      not null references governance_person (id),
    vote      varchar(10) not null check (vote in ('FOR', 'AGAINST', 'ABSTAIN')),
    primary key (item_id, person_id)
);

-- Append-only history of each agenda item's status.
create table governance_item_status_history (
    id         bigserial    primary key,
    item_id    bigint       not null references governance_agenda_item (id),
    status     varchar(12)  not null,
    note       varchar(1000),
    changed_by varchar(100) not null,
    changed_at timestamptz  not null default now()
);
create index governance_item_status_history_item on governance_item_status_history (item_id);
