-- Outcomes reference: the bench's baseline, written the straightforward way an analyst would in PostgreSQL, whose
-- results the bench checks are equal to the engine's. Observations sit in a table indexed by (indicator, period,
-- organisation), analysed; then one GROUP BY per level over the observations joined to the directory's dated
-- relationships (practice -> CCG -> area team -> region on the period's last day), the interval formulas in SQL
-- (Wilson score; Byar with exact Poisson limits below 10 events, also for standardised rates given without age bands,
-- which the engine computes as the crude rates they are), percentile_cont for the decile cuts, and the comparison with England by polarity.
-- The bench runs the steps in order, loading the long CSV with COPY after "schema" and timing only "compute".

-- step: schema
drop table if exists bench_ref_value;
drop table if exists bench_ref_decile;
drop table if exists bench_ref_observation;
create table bench_ref_observation (
    org_code     varchar(12)      not null,
    indicator_id varchar(40)      not null,
    period       varchar(7)       not null,
    numerator    double precision not null,
    denominator  double precision not null
);

-- P(X <= k) for a Poisson variable of the given mean.
create or replace function bench_ref_poisson_cdf(k integer, mean double precision) returns double precision
language plpgsql immutable as $$
declare
    term  double precision := exp(-mean);
    total double precision := term;
begin
    for i in 1..k loop
        term := term * mean / i;
        total := total + term;
    end loop;
    return least(1, total);
end $$;

-- Exact Poisson limit of a count by bisection on the distribution function (the chi-squared identity).
create or replace function bench_ref_exact_poisson(observed integer, confidence double precision, upper boolean)
returns double precision language plpgsql immutable as $$
declare
    tail   double precision := (1 - confidence) / 2;
    target double precision;
    k      integer;
    low    double precision := 0;
    high   double precision := greatest(10, observed * 4.0 + 20);
    middle double precision;
begin
    if not upper and observed = 0 then
        return 0;
    end if;
    -- lower: P(X >= x | L) = tail, i.e. 1 - P(X <= x-1 | L) = tail; upper: 1 - P(X <= x | U) = 1 - tail.
    k := case when upper then observed else observed - 1 end;
    target := case when upper then 1 - tail else tail end;
    for step in 1..200 loop
        middle := (low + high) / 2;
        if 1 - bench_ref_poisson_cdf(k, middle) < target then
            low := middle;
        else
            high := middle;
        end if;
    end loop;
    return (low + high) / 2;
end $$;

-- The value of an indicator: percent for proportions, per multiplier for rates; standardised rates need 10 events.
create or replace function bench_ref_value(method text, multiplier integer, num double precision, den double precision)
returns double precision language sql immutable as $$
    select case when den <= 0 then null
                when method = 'WILSON' then num / den * 100
                when method = 'BYAR' then num / den * multiplier
                when round(num) < 10 then null
                else round(num) * den / den / den * multiplier end
$$;

-- Wilson score limit of a proportion, in percent.
create or replace function bench_ref_wilson(o double precision, n double precision, z double precision, upper boolean)
returns double precision language sql immutable as $$
    select case when n <= 0 or o < 0 or o > n then null
                when upper then least(1, (2 * o + z * z + z * sqrt(z * z + 4 * o * (1 - o / n))) / (2 * (n + z * z))) * 100
                else greatest(0, (2 * o + z * z - z * sqrt(z * z + 4 * o * (1 - o / n))) / (2 * (n + z * z))) * 100 end
$$;

-- Byar's limit of a count (exact Poisson below 10 events, passed in); a lower limit below zero is missing.
create or replace function bench_ref_byar(o double precision, z double precision, exact double precision, upper boolean)
returns double precision language sql immutable as $$
    select case when o < 10 then exact
                when upper then (o + 1) * power(1 - 1 / (9 * (o + 1)) + z / (3 * sqrt(o + 1)), 3)
                when o * power(1 - 1 / (9 * o) - z / (3 * sqrt(o)), 3) < 0 then null
                else o * power(1 - 1 / (9 * o) - z / (3 * sqrt(o)), 3) end
$$;

-- An interval limit by the indicator's method, in the indicator's unit.
create or replace function bench_ref_limit(method text, multiplier integer, num double precision, den double precision,
    z double precision, exact double precision, upper boolean)
returns double precision language sql immutable as $$
    select case when den <= 0 then null
                when method = 'WILSON' then bench_ref_wilson(num, den, z, upper)
                when method = 'BYAR' then bench_ref_byar(round(num), z, exact, upper) * (multiplier / den)
                when round(num) < 10 then null
                else round(num) * den / den / den * multiplier
                     + sqrt(round(num) / (den * den) / round(num))
                       * (bench_ref_byar(round(num), z, exact, upper) - round(num)) * multiplier end
$$;

-- step: index
create index bench_ref_observation_key on bench_ref_observation (indicator_id, period, org_code);
analyze bench_ref_observation;

-- step: compute
create temporary table bench_ref_exact as
select c.observed, l.confidence, l.z,
       bench_ref_exact_poisson(c.observed, l.confidence, false) as lower,
       bench_ref_exact_poisson(c.observed, l.confidence, true) as upper
from generate_series(0, 9) c(observed)
cross join (values (0.95::double precision, 1.959964::double precision),
                   (0.998::double precision, 3.090232::double precision)) l(confidence, z);

-- Indicators as the engine computes them: a standardised rate with no age bands is a crude rate.
create temporary table bench_ref_indicator as
select i.id, i.level, i.multiplier, i.polarity,
       case when i.type = 'DSR' and not exists (select 1 from outcomes_band_observation b where b.indicator_id = i.id)
            then 'BYAR' else i.method end as method
from outcomes_indicator i;

-- Each period's reference date, its last day (the bench's periods are months).
create temporary table bench_ref_period as
select period, (to_date(period || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date as ends
from (select distinct period from bench_ref_observation) p;
-- Fresh tables have no planner statistics: analysed, so that the joins below are planned on real row counts.
analyze bench_ref_exact;
analyze bench_ref_period;

-- The directory's dated relationships on each period's last day (no bench practice closes), then where each
-- practice and CCG sits then.
create temporary table bench_ref_link as
select p.period, r.child_code, r.parent_code, parent.type
from bench_ref_period p
join directory_relationship r on coalesce(r.valid_from, '-infinity') <= p.ends
  and coalesce(r.valid_to, 'infinity') >= p.ends
join directory_organisation parent on parent.code = r.parent_code and parent.type in ('CCG', 'AREA_TEAM', 'REGION');
analyze bench_ref_link;

create temporary table bench_ref_place as
select place.period, place.org_code, place.ccg_code, area.parent_code as area_code, region.parent_code as region_code
from (select period, child_code as org_code, parent_code as ccg_code from bench_ref_link where type = 'CCG'
      union all
      select p.period, ccg.code, ccg.code from bench_ref_period p cross join directory_organisation ccg
      where ccg.type = 'CCG') place
left join bench_ref_link area on area.period = place.period and area.child_code = place.ccg_code
  and area.type = 'AREA_TEAM'
left join bench_ref_link region on region.period = place.period and region.child_code = area.parent_code
  and region.type = 'REGION';
analyze bench_ref_place;

create temporary view bench_ref_placed as
select o.indicator_id, o.period, o.org_code, o.numerator, o.denominator, place.ccg_code, place.area_code,
       place.region_code
from bench_ref_observation o
left join bench_ref_place place on place.period = o.period and place.org_code = o.org_code;

-- Sums per level: practices (of practice-level indicators) as observed, then one GROUP BY per level above them.
create temporary view bench_ref_sums as
select p.indicator_id, p.period, 'PRACTICE' as level, p.org_code, p.numerator, p.denominator
from bench_ref_placed p join bench_ref_indicator i on i.id = p.indicator_id and i.level = 'PRACTICE'
union all
select indicator_id, period, 'CCG', ccg_code, sum(numerator), sum(denominator)
from bench_ref_placed where ccg_code is not null group by indicator_id, period, ccg_code
union all
select indicator_id, period, 'AREA_TEAM', area_code, sum(numerator), sum(denominator)
from bench_ref_placed where area_code is not null group by indicator_id, period, area_code
union all
select indicator_id, period, 'REGION', region_code, sum(numerator), sum(denominator)
from bench_ref_placed where region_code is not null group by indicator_id, period, region_code
union all
select indicator_id, period, 'ENGLAND', 'X24', sum(numerator), sum(denominator)
from bench_ref_observation group by indicator_id, period;

create temporary table bench_ref_england as
select o.indicator_id, o.period, bench_ref_value(i.method, i.multiplier, sum(o.numerator), sum(o.denominator)) as value
from bench_ref_observation o join bench_ref_indicator i on i.id = o.indicator_id
group by o.indicator_id, o.period, i.method, i.multiplier;
analyze bench_ref_england;

create temporary table bench_ref_computed as
select s.indicator_id, s.period, s.level, s.org_code, s.numerator, s.denominator, v.value, v.lower95, v.upper95,
       v.lower998, v.upper998,
       case when s.level = 'ENGLAND' or v.lower95 is null or v.upper95 is null or e.value is null then 'NOT_COMPARED'
            when v.lower95 > e.value then case i.polarity when 'HIGH_IS_GOOD' then 'BETTER' when 'LOW_IS_GOOD' then 'WORSE'
                                                          else 'HIGHER' end
            when v.upper95 < e.value then case i.polarity when 'HIGH_IS_GOOD' then 'WORSE' when 'LOW_IS_GOOD' then 'BETTER'
                                                          else 'LOWER' end
            else 'SIMILAR' end as compared_to_england
from bench_ref_sums s
join bench_ref_indicator i on i.id = s.indicator_id
left join bench_ref_england e on e.indicator_id = s.indicator_id and e.period = s.period
left join bench_ref_exact x95 on x95.observed = round(s.numerator) and x95.confidence = 0.95
left join bench_ref_exact x998 on x998.observed = round(s.numerator) and x998.confidence = 0.998
cross join lateral (
    select bench_ref_value(i.method, i.multiplier, s.numerator, s.denominator) as value,
           bench_ref_limit(i.method, i.multiplier, s.numerator, s.denominator, 1.959964, x95.lower, false) as lower95,
           bench_ref_limit(i.method, i.multiplier, s.numerator, s.denominator, 1.959964, x95.upper, true) as upper95,
           bench_ref_limit(i.method, i.multiplier, s.numerator, s.denominator, 3.090232, x998.lower, false) as lower998,
           bench_ref_limit(i.method, i.multiplier, s.numerator, s.denominator, 3.090232, x998.upper, true) as upper998
) v;
analyze bench_ref_computed;

-- Decile cuts across practices and across CCGs (at least five values), and each one's decile: 1 + cuts below it.
create table bench_ref_decile as
select indicator_id, period, level, count(*) as organisations,
       percentile_cont(array[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]::double precision[])
           within group (order by value) as cuts
from bench_ref_computed
where level in ('PRACTICE', 'CCG') and value is not null
group by indicator_id, period, level
having count(*) >= 5;

create table bench_ref_value as
select c.*, case when c.value is null or d.cuts is null then null
                 else 1 + (select count(*) from unnest(d.cuts) cut where cut < c.value) end::smallint as decile
from bench_ref_computed c
left join bench_ref_decile d on d.indicator_id = c.indicator_id and d.period = c.period and d.level = c.level;

create index bench_ref_value_key on bench_ref_value (indicator_id, period, level, org_code);
analyze bench_ref_value;
