-- A national 5-year-band file is over 300,000 rows. The import id is a record of provenance, not a link that must
-- hold (the import log is never deleted), and the extract index was only needed for totals: checking one and
-- maintaining the other made loading several times slower than the data warranted.
alter table directory_registered_patients drop constraint directory_registered_patients_import_id_fkey;
drop index directory_registered_patients_extract;
create index directory_registered_patients_totals on directory_registered_patients (extract_date)
    where sex = 'ALL' and age_band = 'ALL';
