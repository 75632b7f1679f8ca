-- Which outcomes indicator supplies a measure's values (issue 7: "uses the outcomes capability's computed values when
-- present, and uploads otherwise"). No foreign key: the outcomes tables belong to another module.
alter table qp_measure add column outcomes_indicator_id varchar(40);

-- The shipped schemes' measures with a matching outcomes starter indicator (V40_2). Avoidable emergency admissions is
-- a composite of several CCG OIS indicators, and the other measures are conditions or have no starter indicator, so
-- they stay unmapped.
update qp_measure set outcomes_indicator_id = 'CCGOIS-1.1'
where financial_year in (2013, 2014) and code = 'PYLL';
