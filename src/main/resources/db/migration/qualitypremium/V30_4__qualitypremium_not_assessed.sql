-- How many measures, standards and gateways of a CCG's award could not be assessed for want of data, so a run with
-- missing inputs says so; and the reason given when such a run was published anyway (docs/domain-rules.md).
alter table qp_run_result add column not_assessed integer not null default 0;
alter table qp_run add column publish_override varchar(1000);
