-- A practice's payment lines are kept in its row, in the order of the year's columns, instead of a row per line:
-- a national year is 8,000 rows to load rather than 480,000, so an import costs about what a COPY of the file does.

create table contracts_payment_year (
    year_start  smallint primary key,
    line_names  varchar(200)[] not null
);

alter table contracts_payment add column amounts numeric(16, 2)[];

insert into contracts_payment_year (year_start, line_names)
select year_start, array_agg(distinct line order by line) from contracts_payment_line group by year_start;

update contracts_payment p set amounts = (
    select array_agg(coalesce(l.amount, 0) order by n.ord)
    from contracts_payment_year y
    cross join unnest(y.line_names) with ordinality as n (name, ord)
    left join contracts_payment_line l
      on l.year_start = p.year_start and l.practice_code = p.practice_code and l.line = n.name
    where y.year_start = p.year_start);

update contracts_payment set amounts = '{}' where amounts is null;

alter table contracts_payment alter column amounts set not null;

drop table contracts_payment_line;
