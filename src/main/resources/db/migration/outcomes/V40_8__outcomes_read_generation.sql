-- The generation of what the outcomes pages read: the id of the last transaction that wrote any table those reads
-- depend on. OutcomesReadCache keys what it keeps by it, so a commit by any instance retires every kept read, and a
-- rolled-back transaction's id is never seen again. Bumped at most once per transaction (the second write in the
-- same transaction matches no row), by statement-level triggers, so bulk loads pay once per statement.
create table outcomes_read_generation (
    singleton  boolean primary key default true check (singleton),
    generation xid8    not null
);

insert into outcomes_read_generation (generation) values (pg_current_xact_id());

create function outcomes_next_read_generation() returns trigger language plpgsql as $$
begin
    update outcomes_read_generation set generation = pg_current_xact_id()
    where generation <> pg_current_xact_id();
    return null;
end
$$;

do $$
declare
    read_table text;
begin
    foreach read_table in array array['outcomes_observation', 'outcomes_value', 'outcomes_decile', 'outcomes_range',
            'outcomes_indicator', 'outcomes_period', 'outcomes_peer', 'outcomes_practice_peer',
            'directory_organisation', 'directory_relationship'] loop
        execute format('create trigger %I after insert or update or delete or truncate on %I'
                || ' for each statement execute function outcomes_next_read_generation()',
                read_table || '_read_generation', read_table);
    end loop;
end
$$;
