-- Values at the ICB level (issue 16): integrated care boards from 1 July 2022, the sums of their sub-ICB locations.
alter table outcomes_value drop constraint outcomes_value_level_check;
alter table outcomes_value add constraint outcomes_value_level_check
    check (level in ('PRACTICE', 'CCG', 'ICB', 'AREA_TEAM', 'REGION', 'ENGLAND'));
