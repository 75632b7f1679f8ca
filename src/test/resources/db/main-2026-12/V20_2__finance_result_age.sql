-- Patients aged 65 and over per CCG in a run: with need per head, what the interim peer CCGs are chosen on.
alter table finance_run_result add column aged_65_plus bigint not null default 0 check (aged_65_plus >= 0);
