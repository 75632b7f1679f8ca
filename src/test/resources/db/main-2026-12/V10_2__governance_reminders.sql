-- One reminder per person and due date, so a re-run job never reminds twice.
create table governance_reminder (
    person_id bigint      not null references governance_person (id),
    due_on    date        not null,
    sent_at   timestamptz not null default now(),
    primary key (person_id, due_on)
);
