-- Where the practices of each slice's period were placed when its values were computed (a fingerprint of
-- Placements), so that a directory change (epcmem memberships, links, organisations) recomputes only the values it
-- moved (ValueComputation.recomputeWherePlacementsChanged). Values computed before this table have none, and are
-- recomputed at the first directory change.
create table outcomes_slice_placement (
    indicator_id varchar(40) not null,
    period       varchar(10) not null,
    fingerprint  bigint      not null,
    primary key (indicator_id, period)
);

-- Re-mapped values follow successor chains (structure=): a successor file changes what the pages read.
create trigger directory_succession_read_generation after insert or update or delete or truncate
    on directory_succession for each statement execute function outcomes_next_read_generation();
