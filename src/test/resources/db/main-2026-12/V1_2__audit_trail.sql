-- Append-only: the application has no update or delete path, and the database refuses one too.
create table audit_event (
    id                bigserial    primary key,
    occurred_at       timestamptz  not null default now(),
    actor             varchar(100) not null,
    action            varchar(60)  not null,
    entity_type       varchar(60)  not null,
    entity_id         varchar(200) not null,
    organisation_code varchar(12),
    before_state      jsonb,
    after_state       jsonb
);
create index audit_event_organisation on audit_event (organisation_code, occurred_at desc);
create index audit_event_actor on audit_event (actor, occurred_at desc);
create index audit_event_occurred on audit_event (occurred_at desc);

create function audit_event_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();
