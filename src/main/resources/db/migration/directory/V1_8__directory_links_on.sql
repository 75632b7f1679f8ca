-- The one rule for an organisation's parent on a day (docs/domain-rules.md, "A practice's commissioner on a date"):
-- of the dated links of one child to parents of one type that hold on the day, the one that began latest counts (an
-- undated start counts as the earliest); of two that began the same day, the lower parent code. ODS's epcmem.csv can
-- publish a membership whose end is not yet recorded beside the one that replaced it: the newer one is the answer.
-- Every reader of memberships on a day uses this function: the directory (commissioners, populations, list sizes,
-- parent chains) and outcomes (attribution and re-mapping).
create or replace function directory_links_on(day date)
returns table (child_code varchar, parent_code varchar, parent_type varchar)
language sql stable parallel safe as $$
    select distinct on (r.child_code, p.type) r.child_code, r.parent_code, p.type
    from directory_relationship r
    join directory_organisation p on p.code = r.parent_code
    where valid_on(r.valid_from, r.valid_to, day)
    order by r.child_code, p.type, r.valid_from desc nulls last, r.parent_code
$$;
