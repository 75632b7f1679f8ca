-- A practice's cases are those it is the practice of, or the other practice of (a merger's closing practice): the
-- page asks for both at once, which the index on practice_code alone cannot answer without reading every case.
create index contracts_case_other_practice on contracts_case (other_practice_code) where other_practice_code is not null;
