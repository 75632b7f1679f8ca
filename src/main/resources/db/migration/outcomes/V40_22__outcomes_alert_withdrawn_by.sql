-- A person may withdraw an alert raised on data known to be wrong (issue 21; docs/domain-rules.md, "Withdrawing an
-- alert"): who withdrew it is kept beside when and why. An alert withdrawn by a person is not reinstated by a later
-- recompute, which would only find the same data again; one withdrawn by the system (corrected data) still is.
alter table outcomes_alert add column withdrawn_by varchar(100);
alter table outcomes_alert alter column withdrawn_reason type varchar(500);
