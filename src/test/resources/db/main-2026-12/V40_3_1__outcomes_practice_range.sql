-- The lowest and highest practice value of each indicator and period, kept by the recompute: practices' values are
-- computed on read, and the practice page's spine shows the range across England's practices.
create table outcomes_range (
    indicator_id varchar(40)      not null,
    period       varchar(7)       not null,
    level        varchar(10)      not null,
    lowest       double precision not null,
    highest      double precision not null,
    primary key (indicator_id, period, level)
);
