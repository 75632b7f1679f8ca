-- One-time links are made when their e-mail is sent and never stored: the outbox keeps the body with a placeholder,
-- and which link to make (its kind, and a reference the module that makes it understands: for the 360 survey, the
-- hash of the link's current token). docs/domain-rules.md, "CCG authorisation", "Survey links in e-mails".
alter table notification_email_outbox
    add column link_kind      varchar(50),
    add column link_reference varchar(200);

-- Survey links queued before: the token is replaced by the placeholder, and its SHA-256 hash becomes the reference,
-- so an e-mail not yet sent still goes out with a fresh link, and one already sent no longer shows a usable one.
update notification_email_outbox
set link_kind      = 'survey',
    link_reference = encode(sha256(convert_to(substring(body from '/survey/([A-Za-z0-9_-]{43})'), 'UTF8')), 'hex'),
    body           = regexp_replace(body, '\S*/survey/[A-Za-z0-9_-]{43}', '[one-time link, made when the e-mail is sent]', 'g')
where body ~ '/survey/[A-Za-z0-9_-]{43}';
