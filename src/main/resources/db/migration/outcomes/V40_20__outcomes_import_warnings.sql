-- Rows an import stored that are odd but meant (a QOF register above the list, a practice in no CCG during the
-- period), listed with the import as its errors are (docs/domain-rules.md#outcomes, "Published files").
alter table outcomes_import add column warnings jsonb not null default '[]';
