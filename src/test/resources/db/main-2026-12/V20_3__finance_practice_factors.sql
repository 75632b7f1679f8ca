-- Per-practice global sum component indices in a formula (Carr-Hill: additional needs, list turnover, staff market
-- forces factor, rurality, nursing and residential home patients); a practice without a row is the England average.
create table finance_formula_practice_factor (
    formula_id            bigint        not null references finance_formula (id),
    practice_code         varchar(12)   not null,
    additional_needs      numeric(12, 6) not null check (additional_needs > 0),
    list_turnover         numeric(12, 6) not null check (list_turnover > 0),
    market_forces_factor  numeric(12, 6) not null check (market_forces_factor > 0),
    rurality              numeric(12, 6) not null check (rurality > 0),
    nursing_home_patients integer       not null check (nursing_home_patients >= 0),
    primary key (formula_id, practice_code)
);
