-- Part 2 of a delegated application, by the area team (REFERENCE.md section 3): assurance thresholds met, conflicts of
-- interest thresholds met, sound financial control, and its signed declaration.
alter table cocommissioning_application
    add column part2_assurance_met     boolean,
    add column part2_conflicts_met     boolean,
    add column part2_financial_control boolean,
    add column part2_declaration_name  varchar(200),
    add column part2_signed_by         varchar(100),
    add column part2_signed_at         timestamptz;
