-- Practices' values are computed on read from their observations, the England value and the decile cut points
-- (OutcomesValues): a national recompute no longer writes a row per practice, indicator and period.
delete from outcomes_value where level = 'PRACTICE';
alter table outcomes_value add constraint outcomes_value_aggregate_level check (level <> 'PRACTICE');
