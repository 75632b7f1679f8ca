package org.cocommission.outcomes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staging table of one import (a temporary table dropped at commit) and the set-wise SQL that checks, completes
 * and stores it: unknown organisations and indicators, observations at the wrong level, numerators above
 * denominators of proportions, duplicate keys, and population denominators filled from the registered list of the
 * period's quarter. Reads the directory's tables directly, read-only, because joining millions of rows through a Java
 * API would defeat set-wise validation.
 */
final class StagedObservations {

	private static final String LIST_EXTRACT = """
			coalesce((select max(extract_date) from directory_registered_patients
			          where sex = 'ALL' and age_band = 'ALL' and extract_date <= p.list_date),
			         (select min(extract_date) from directory_registered_patients where sex = 'ALL' and age_band = 'ALL'))
			""";

	private final JdbcTemplate jdbc;

	StagedObservations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void create() {
		jdbc.execute("""
				create temporary table outcomes_staging (
				    row_no bigint not null, org_code varchar(12) not null, indicator_id varchar(40), period varchar(7),
				    numerator double precision not null, denominator double precision, attribute varchar(20)
				) on commit drop
				""");
	}

	StagingCopy copy(Connection connection) {
		try {
			return new StagingCopy(connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy outcomes_staging (row_no, org_code, indicator_id, period, numerator, denominator, attribute)"
						+ " from stdin"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not start staging the import", ex);
		}
	}

	void registerPeriods(Collection<Period> periods) {
		jdbc.batchUpdate("insert into outcomes_period (period, kind, starts, ends, list_date) values (?, ?, ?, ?, ?)"
				+ " on conflict (period) do nothing", List.copyOf(periods), 100, (statement, period) -> {
					statement.setString(1, period.code());
					statement.setString(2, period.kind().name());
					statement.setObject(3, period.starts());
					statement.setObject(4, period.ends());
					statement.setObject(5, period.listDate());
				});
		jdbc.execute("analyze outcomes_staging");
	}

	/** Where the denominator is the population and was left blank, the registered list of the period's quarter. */
	void fillPopulationDenominators() {
		jdbc.update("""
				with needed as (
				    select distinct s.period, p.list_date, %s as extract_date
				    from outcomes_staging s
				    join outcomes_indicator i on i.id = s.indicator_id and i.population_denominator
				    join outcomes_period p on p.period = s.period
				    where s.denominator is null
				),
				lists as (
				    select n.period, rp.practice_code as org_code, rp.patients::double precision as patients
				    from needed n join directory_registered_patients rp
				      on rp.extract_date = n.extract_date and rp.sex = 'ALL' and rp.age_band = 'ALL'
				    union all
				    select n.period, r.parent_code, sum(rp.patients)::double precision
				    from needed n join directory_registered_patients rp
				      on rp.extract_date = n.extract_date and rp.sex = 'ALL' and rp.age_band = 'ALL'
				    join directory_relationship r on r.child_code = rp.practice_code
				      and (r.valid_from is null or r.valid_from <= n.list_date) and (r.valid_to is null or r.valid_to >= n.list_date)
				    join directory_organisation c on c.code = r.parent_code and c.type = 'CCG'
				    group by n.period, r.parent_code
				)
				update outcomes_staging s set denominator = lists.patients
				from lists where s.denominator is null and s.period = lists.period and s.org_code = lists.org_code
				""".formatted(LIST_EXTRACT));
	}

	/** Every invalid row the database can see, in row order, at most {@code limit}. */
	List<ImportError> errors(int limit) {
		// One scan of the staging table finds every row with a problem; only those rows are spelt out.
		return jdbc.query("""
				with checked as (
				    select s.row_no, s.org_code, s.indicator_id, s.attribute, s.numerator, s.denominator,
				           o.code as known_org, o.type as org_type, i.id as known_indicator, i.level, i.type,
				           i.population_denominator
				    from outcomes_staging s
				    left join directory_organisation o on o.code = s.org_code
				    left join outcomes_indicator i on i.id = s.indicator_id
				),
				failing as (
				    select * from checked
				    where known_org is null
				       or (attribute is null and known_indicator is null)
				       or org_type <> case level when 'PRACTICE' then 'GP_PRACTICE' else 'CCG' end
				       or (type = 'PROPORTION' and numerator > denominator)
				       or (known_indicator is not null and denominator is null)
				),
				duplicates as (
				    select org_code, indicator_id, attribute, period, min(row_no) as first_row
				    from outcomes_staging group by org_code, indicator_id, attribute, period having count(*) > 1
				)
				select row_no, message from (
				    select f.row_no, m.message
				    from failing f cross join lateral (values
				        (case when f.known_org is null then 'unknown organisation ' || f.org_code end),
				        (case when f.attribute is null and f.known_indicator is null then 'unknown indicator ' || f.indicator_id end),
				        (case when f.org_type <> case f.level when 'PRACTICE' then 'GP_PRACTICE' else 'CCG' end
				              then f.org_code || ' is not a ' || case f.level when 'PRACTICE' then 'GP practice' else 'CCG' end
				                   || ': indicator ' || f.known_indicator || ' is observed for '
				                   || case f.level when 'PRACTICE' then 'practices' else 'CCGs' end end),
				        (case when f.type = 'PROPORTION' and f.numerator > f.denominator
				              then 'numerator ' || f.numerator || ' is above denominator ' || f.denominator
				                   || ' of the proportion ' || f.known_indicator end),
				        (case when f.known_indicator is not null and f.denominator is null
				              then case when f.population_denominator
				                   then 'no registered list for ' || f.org_code || ' to use as the denominator of ' || f.known_indicator
				                   else 'DENOMINATOR is required for ' || f.known_indicator end end)
				    ) m (message)
				    where m.message is not null
				  union all
				    select s.row_no, 'duplicate of row ' || d.first_row || ': ' || s.org_code || ' '
				        || coalesce(s.indicator_id, s.attribute) || coalesce(' ' || s.period, '')
				    from duplicates d join outcomes_staging s on s.org_code = d.org_code
				      and s.indicator_id is not distinct from d.indicator_id and s.attribute is not distinct from d.attribute
				      and s.period is not distinct from d.period and s.row_no > d.first_row
				) problems
				order by row_no, message
				limit ?
				""", (rs, row) -> new ImportError(rs.getLong(1), rs.getString(2)), limit);
	}

	/** Replaces the observations and attributes with the same keys; returns the rows stored. */
	long store(long importId, String source) {
		jdbc.update("""
				delete from outcomes_observation o using outcomes_staging s
				where s.attribute is null and o.indicator_id = s.indicator_id and o.period = s.period and o.org_code = s.org_code
				""");
		long observations = jdbc.update("""
				insert into outcomes_observation (indicator_id, period, org_code, numerator, denominator, import_id)
				select indicator_id, period, org_code, numerator, denominator, ? from outcomes_staging where attribute is null
				""", importId);
		long attributes = jdbc.update("""
				insert into outcomes_org_attribute (org_code, attribute, value, source, import_id)
				select org_code, attribute, numerator, ?, ? from outcomes_staging where attribute is not null
				on conflict (org_code, attribute) do update
				set value = excluded.value, source = excluded.source, import_id = excluded.import_id
				""", source, importId);
		// Fresh rows have no planner statistics; the peer groups and the recompute join these tables next.
		if (observations > 0) {
			jdbc.execute("analyze outcomes_observation");
		}
		if (attributes > 0) {
			jdbc.execute("analyze outcomes_org_attribute");
		}
		return observations + attributes;
	}

	/** The indicator and period pairs this import touched, which are recomputed. */
	List<IndicatorPeriod> touched() {
		return jdbc.query("select distinct indicator_id, period from outcomes_staging where attribute is null"
				+ " order by indicator_id, period", (rs, row) -> new IndicatorPeriod(rs.getString(1), rs.getString(2)));
	}

	boolean touchedAttributes() {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from outcomes_staging where attribute is not null)", Boolean.class));
	}
}
