-- Alerts the data no longer supports (a corrected file was re-imported) are withdrawn, not deleted: kept with when
-- and why, off the open lists and digests. A CCG sees its member practices' alerts, found by the CCG they were placed
-- in for the alert's period.
alter table outcomes_alert add column withdrawn_at timestamptz;
alter table outcomes_alert add column withdrawn_reason varchar(100);
create index outcomes_alert_ccg on outcomes_alert (ccg_code, id);
create index outcomes_alert_open on outcomes_alert (indicator_id, period) where acknowledged_at is null and withdrawn_at is null;

-- A comment's author may edit its text (the previous text is in the audit trail) and publish a draft later; the
-- version guards both against a stale page.
alter table outcomes_discussion_comment add column edited_at timestamptz;
alter table outcomes_discussion_comment add column published_at timestamptz;
alter table outcomes_discussion_comment add column version integer not null default 0;

-- A draft's mention of someone who cannot see drafts is kept and told when the draft is published.
alter table outcomes_discussion_mention add column notified boolean not null default true;
