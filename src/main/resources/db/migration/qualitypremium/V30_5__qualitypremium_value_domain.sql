-- What kind of number each measure's value is, so uploads refuse impossible values and statements print each value
-- for its kind (docs/domain-rules.md#quality-premium). A composite has none: its parts have the values.
alter table qp_measure add column value_domain varchar(12)
    check (value_domain in ('COUNT', 'RATE', 'PERCENTAGE', 'CONDITION'));

update qp_measure set value_domain = 'CONDITION' where rule = 'CONDITION';
update qp_measure set value_domain = 'COUNT' where code in ('MRSA', 'CDIFF');
update qp_measure set value_domain = 'PERCENTAGE' where code = 'IAPT';
update qp_measure set value_domain = 'RATE' where value_domain is null and rule <> 'COMPOSITE';
