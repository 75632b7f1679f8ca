-- Who made an application's latest change, so a refused save can say whether it was the same user in another tab.
alter table cocommissioning_application add column updated_by varchar(100);
