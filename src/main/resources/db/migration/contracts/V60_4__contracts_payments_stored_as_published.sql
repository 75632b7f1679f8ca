-- Each year's payments are stored as published, by one COPY of the file into a table of that year's own columns
-- (contracts_payment_rows_<import id>), and read through the view contracts_payment, which converts them on reading
-- (docs/domain-rules.md, GP contracts, "How a year is stored"). The register is fed from a year after the import's
-- commit: register_fed_at says which imports it has taken in.

alter table contracts_payment_import add column register_fed_at timestamptz;

update contracts_payment_import set register_fed_at = imported_at where outcome = 'COMMITTED';

alter table contracts_payment_year
    add column headings text[],
    add column table_name varchar(63),
    add column import_id bigint,
    add column practices integer not null default 0;

insert into contracts_payment_year (year_start, line_names)
select distinct year_start, cast('{}' as varchar(200)[]) from contracts_payment
on conflict (year_start) do nothing;

-- The rows stored so far move to a table per year in one layout: the columns the view reads, then the payment lines
-- (and the total, where it is not one of them). The view's reading of it is the application's (PaymentsStore).
do $$
declare
    y record;
    lines integer;
    with_total boolean;
    definition text;
    amounts text;
    branches text[] := '{}';
    tbl text;
begin
    for y in
        select py.year_start, py.line_names,
               (select max(p.import_id) from contracts_payment p where p.year_start = py.year_start) as import_id,
               (select count(*) from contracts_payment p where p.year_start = py.year_start) as practices
        from contracts_payment_year py order by py.year_start
    loop
        if y.practices = 0 then
            continue;
        end if;
        tbl := 'contracts_payment_rows_' || y.import_id;
        lines := coalesce(cardinality(y.line_names), 0);
        with_total := not exists (select 1 from unnest(y.line_names) as n (name)
                                  where lower(trim(n.name)) = 'total nhs payments to general practice');
        definition := 'c1 text, c2 varchar(200), c3 text, c4 varchar(200), c5 text, c6 varchar(200), c7 text,'
            || ' c8 varchar(200), c9 text, c10 text, c11 numeric(12, 2) check (c11 >= 0),'
            || ' c12 numeric(12, 2) check (c12 >= 0)';
        amounts := '';
        for i in 1 .. lines + case when with_total then 1 else 0 end loop
            definition := definition || ', c' || (12 + i) || ' numeric(16, 2)';
        end loop;
        for i in 1 .. lines loop
            amounts := amounts || ', amounts[' || i || ']';
        end loop;
        if with_total then
            amounts := amounts || ', total_payments';
        end if;
        execute format('create table %I (%s)', tbl, definition);
        execute format('insert into %I select practice_code, practice_name, region_code, region_name, ccg_code,'
            || ' ccg_name, pcn_code, pcn_name, contract_type, case when dispensing then ''Yes'' else ''No'' end,'
            || ' registered_patients, weighted_patients%s from contracts_payment where year_start = %s'
            || ' order by practice_code', tbl, amounts, y.year_start);
        update contracts_payment_year set table_name = tbl, import_id = y.import_id, practices = y.practices,
            headings = array['Practice Code', 'Practice Name', 'NHS England (Region) Code', 'NHS England (Region) Name',
                'CCG Code', 'CCG Name', 'PCN Code', 'PCN Name', 'Contract Type', 'Dispensing Practice',
                'Number of Registered Patients (Last Known Figure)', 'Number of Weighted Patients (Last Known Figure)']
                || cast(y.line_names as text[])
                || case when with_total then array['Total NHS Payments to General Practice'] else '{}' end
        where year_start = y.year_start;
        amounts := '';
        for i in 1 .. lines loop
            amounts := amounts || case when i = 1 then '' else ', ' end || 'coalesce(c' || (12 + i) || ', 0)';
        end loop;
        branches := branches || format('select cast(%s as smallint) as year_start,'
            || ' cast(c1 as varchar(10)) as practice_code, cast(c2 as varchar(200)) as practice_name,'
            || ' cast(c3 as varchar(10)) as region_code, cast(c4 as varchar(200)) as region_name,'
            || ' cast(c5 as varchar(10)) as ccg_code, cast(c6 as varchar(200)) as ccg_name,'
            || ' cast(c7 as varchar(10)) as pcn_code, cast(c8 as varchar(200)) as pcn_name,'
            || ' cast(c9 as varchar(20)) as contract_type, c10 = ''Yes'' as dispensing,'
            || ' cast(coalesce(c11, 0) as numeric(12, 2)) as registered_patients,'
            || ' cast(coalesce(c12, 0) as numeric(12, 2)) as weighted_patients,'
            || ' cast(coalesce(c%s, 0) as numeric(16, 2)) as total_payments,'
            || ' cast(%s as bigint) as import_id, cast(%s as numeric(16, 2)[]) as amounts from %I where c1 is not null',
            y.year_start,
            12 + case when with_total then lines + 1
                      else (select n.ord from unnest(y.line_names) with ordinality as n (name, ord)
                            where lower(trim(n.name)) = 'total nhs payments to general practice' limit 1) end,
            y.import_id, case when lines = 0 then '''{}''' else 'array[' || amounts || ']' end, tbl);
    end loop;
    drop table contracts_payment;
    drop table if exists contracts_payment_line;
    if cardinality(branches) = 0 then
        execute 'create view contracts_payment as select cast(null as smallint) as year_start,'
            || ' cast(null as varchar(10)) as practice_code, cast(null as varchar(200)) as practice_name,'
            || ' cast(null as varchar(10)) as region_code, cast(null as varchar(200)) as region_name,'
            || ' cast(null as varchar(10)) as ccg_code, cast(null as varchar(200)) as ccg_name,'
            || ' cast(null as varchar(10)) as pcn_code, cast(null as varchar(200)) as pcn_name,'
            || ' cast(null as varchar(20)) as contract_type, cast(null as boolean) as dispensing,'
            || ' cast(null as numeric(12, 2)) as registered_patients, cast(null as numeric(12, 2)) as weighted_patients,'
            || ' cast(null as numeric(16, 2)) as total_payments, cast(null as bigint) as import_id,'
            || ' cast(null as numeric(16, 2)[]) as amounts where false';
    else
        execute 'create view contracts_payment as ' || array_to_string(branches, ' union all ');
    end if;
end $$;
