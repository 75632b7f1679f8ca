-- Minutes are published once the committee approves them (usually at its next meeting), never before the meeting.
alter table governance_meeting add column minutes_approved_on date;
alter table governance_meeting add column minutes_approved_by varchar(100);
alter table governance_meeting add constraint governance_meeting_minutes_after_meeting
    check (minutes_approved_on is null or minutes_approved_on >= held_on);
