-- An evaluator chosen from the CCG's register of people (governance's id for the person): their declared interests
-- in the bidders are read from governance's registers (docs/domain-rules.md#commissioning-support, "Call-off
-- competitions"). Null for an evaluator named on the call-off only.
alter table cs_call_off_evaluator add column person_id bigint;
