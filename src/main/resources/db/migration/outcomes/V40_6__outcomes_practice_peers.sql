-- Each practice's 10 most similar practices in England, nearest first, one row per practice (78,000 rows of one peer
-- each took most of the recomputation to write), and the variables that made them, in the order of
-- outcomes_peer_computation.variables: the raw value and the z-score across all practices.
create table outcomes_practice_peer (
    practice_code varchar(12)        primary key,
    peer_codes    varchar(12)[]      not null,
    distances     double precision[] not null,
    raw_values    double precision[] not null,
    z_scores      double precision[] not null
);

-- When each kind of peer group was last computed, from which extract and on which variables: compared with the
-- directory's last import at start-up, because the directory publishes no event when it changes.
create table outcomes_peer_computation (
    level          varchar(10)   primary key check (level in ('CCG', 'PRACTICE')),
    computed_at    timestamptz   not null,
    extract_date   date,
    organisations  integer       not null,
    variables      varchar(30)[] not null
);
