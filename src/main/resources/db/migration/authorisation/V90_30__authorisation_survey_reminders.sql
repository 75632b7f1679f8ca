-- 360 survey reminders (docs/domain-rules.md, "CCG authorisation"): a stakeholder who has not answered is reminded
-- once, a few days before the link expires. The reminder carries a second link to the same invitation (only its hash
-- is kept, as for the first); either works, once, until the invitation expires.
alter table authorisation_survey_invitation
    add column reminded_at           timestamptz,
    add column reminder_token_sha256 char(64) unique;
-- The daily job looks for unanswered invitations by expiry.
create index authorisation_survey_invitation_due on authorisation_survey_invitation (expires_at)
    where used_at is null and revoked_at is null and reminded_at is null;
