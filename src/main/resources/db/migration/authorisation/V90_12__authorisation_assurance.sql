-- Annual assurance from 2016/17 (docs/domain-rules.md, "CCG authorisation"): the CCG Improvement and Assessment
-- Framework's rating per CCG and year (year = the financial year's first calendar year, 2016 for 2016/17), with the
-- evidence behind it.
create table authorisation_assurance_rating (
    ccg_code varchar(10)   not null,
    year     integer       not null check (year >= 2016),
    rating   varchar(30)   not null check (rating in ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE')),
    evidence varchar(2000) not null,
    primary key (ccg_code, year)
);
create index authorisation_assurance_rating_year on authorisation_assurance_rating (year, rating);
