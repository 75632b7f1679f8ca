-- Observations are stored a slice at a time: one row per indicator and period holding every organisation's numerator
-- and denominator as arrays in organisation code order. Every import and every recompute reads and writes whole
-- slices, so a national file of 17 million observations is some 2,500 rows: no per-row tuple, no key of 17 million
-- entries to build inside the import's transaction. outcomes_observation stays as a view, one row per observation,
-- for the reads that want rows (the observations API, reports, ad-hoc SQL).
create table outcomes_slice (
    indicator_id varchar(40)        not null,
    period       varchar(7)         not null,
    org_codes    text[]             not null,
    numerators   double precision[] not null,
    denominators double precision[] not null,
    -- The import that wrote the slice; import_ids, in org_codes' order, only when its observations came from several.
    import_id    bigint             not null,
    import_ids   bigint[],
    primary key (indicator_id, period),
    check (cardinality(numerators) = cardinality(org_codes) and cardinality(denominators) = cardinality(org_codes)),
    check (import_ids is null or cardinality(import_ids) = cardinality(org_codes))
);

-- Stored uncompressed: compressing national arrays costs more on every load and read than the disk it saves. No
-- statistics on the arrays: every read selects slices by key, and gathering them read every array on each ANALYZE.
alter table outcomes_slice
    alter column org_codes set storage external,
    alter column numerators set storage external,
    alter column denominators set storage external,
    alter column import_ids set storage external,
    alter column org_codes set statistics 0,
    alter column numerators set statistics 0,
    alter column denominators set statistics 0,
    alter column import_ids set statistics 0;

insert into outcomes_slice (indicator_id, period, org_codes, numerators, denominators, import_id, import_ids)
select indicator_id, period,
       array_agg(org_code::text order by org_code collate "C"),
       array_agg(numerator order by org_code collate "C"),
       array_agg(denominator order by org_code collate "C"),
       max(import_id),
       case when min(import_id) <> max(import_id) then array_agg(import_id order by org_code collate "C") end
from outcomes_observation
group by indicator_id, period;

drop table outcomes_observation;

create view outcomes_observation as
select s.indicator_id, s.period, o.org_code::varchar(12) as org_code, o.numerator, o.denominator,
       coalesce(o.import_id, s.import_id) as import_id
from outcomes_slice s
cross join lateral unnest(s.org_codes, s.numerators, s.denominators, s.import_ids)
    as o (org_code, numerator, denominator, import_id);

create trigger outcomes_slice_read_generation after insert or update or delete or truncate on outcomes_slice
    for each statement execute function outcomes_next_read_generation();

analyze outcomes_slice;
