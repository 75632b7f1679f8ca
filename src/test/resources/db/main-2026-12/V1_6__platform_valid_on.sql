-- The dated-validity rule, written once (docs/domain-rules.md, "Dated relationships"): a row valid from one day to
-- another (valid_to is the last day; either end may be open) holds on a day. A plain SQL function, so the planner
-- inlines it and indexes on the columns are used as before.
create or replace function valid_on(valid_from date, valid_to date, day date) returns boolean
    language sql immutable parallel safe
as $$
    select ($1 is null or $1 <= $3) and ($2 is null or $2 >= $3)
$$;
