-- Indicators another module defines and supplies values for (docs/domain-rules.md#measures-as-outcomes-indicators),
-- such as the workforce module's staff ratios: who supplies each (null for outcomes' own), a sixth domain for the
-- capacity of general practice, and the multipliers such ratios need (per 10,000 patients; 1 for patients per FTE).
alter table outcomes_indicator add column supplied_by varchar(40);

alter table outcomes_indicator drop constraint outcomes_indicator_domain_check;
alter table outcomes_indicator add constraint outcomes_indicator_domain_check check (domain between 1 and 6);

alter table outcomes_indicator drop constraint outcomes_indicator_multiplier_check;
alter table outcomes_indicator add constraint outcomes_indicator_multiplier_check
    check (multiplier in (1, 100, 1000, 10000, 100000));
