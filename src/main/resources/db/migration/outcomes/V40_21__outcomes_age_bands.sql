-- Directly standardised rates over age bands (issue 16, item 6; docs/domain-rules.md#outcomes, "Standardised
-- rates"). The standard populations as data: the European Standard Population 2013 (Eurostat), 19 five-year bands
-- to 90 and over, 100,000 in all, the same for each sex.
create table outcomes_standard_population (
    standard   varchar(20) not null,
    age_band   varchar(6)  not null,
    population integer     not null check (population > 0),
    primary key (standard, age_band)
);

insert into outcomes_standard_population (standard, age_band, population) values
('ESP2013', '0_4', 5000), ('ESP2013', '5_9', 5500), ('ESP2013', '10_14', 5500), ('ESP2013', '15_19', 5500),
('ESP2013', '20_24', 6000), ('ESP2013', '25_29', 6000), ('ESP2013', '30_34', 6500), ('ESP2013', '35_39', 7000),
('ESP2013', '40_44', 7000), ('ESP2013', '45_49', 7000), ('ESP2013', '50_54', 7000), ('ESP2013', '55_59', 6500),
('ESP2013', '60_64', 6000), ('ESP2013', '65_69', 5500), ('ESP2013', '70_74', 5000), ('ESP2013', '75_79', 4000),
('ESP2013', '80_84', 2500), ('ESP2013', '85_89', 1500), ('ESP2013', '90+', 1000);

-- Events and population per organisation, indicator, period, age band and sex, as imported in the age-band shape.
-- Their totals are also stored as the ordinary observation, so every sum and read that needs no bands is unchanged.
create table outcomes_band_observation (
    indicator_id varchar(40)      not null,
    period       varchar(7)       not null,
    org_code     varchar(12)      not null,
    age_band     varchar(6)       not null,
    sex          varchar(7)       not null check (sex in ('MALE', 'FEMALE', 'PERSONS')),
    numerator    double precision not null check (numerator >= 0),
    population   double precision not null check (population >= 0),
    import_id    bigint           not null,
    primary key (indicator_id, period, org_code, age_band, sex)
);

create trigger outcomes_band_observation_read_generation after insert or update or delete or truncate
    on outcomes_band_observation for each statement execute function outcomes_next_read_generation();
