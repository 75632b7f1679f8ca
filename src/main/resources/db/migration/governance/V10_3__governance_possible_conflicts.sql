-- The chair's decision on a near match between a member's registered body and a body an agenda item affects, spelled
-- differently: the same body (a conflict) or not. Names kept as shown to the chair.
create table governance_possible_conflict (
    item_id     bigint       not null references governance_agenda_item (id),
    person_id   bigint       not null references governance_person (id),
    registered  varchar(200) not null,
    affected    varchar(200) not null,
    same_body   boolean      not null,
    decided_by  varchar(100) not null,
    decided_at  timestamptz  not null default now(),
    primary key (item_id, person_id, registered, affected)
);
