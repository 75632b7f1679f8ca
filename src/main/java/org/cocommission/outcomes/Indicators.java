package org.cocommission.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cocommission.outcomes.read.OutcomesReadCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator definitions: the outcomes framework as data. Readable by every signed-in user. Reads are one
 * statement each, most answered from {@link OutcomesReadCache}, so only the changes are transactional.
 */
@Service
public class Indicators {

	private final JdbcClient jdbc;

	private final OutcomesReadCache cache;

	Indicators(JdbcClient jdbc, OutcomesReadCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/**
	 * The definitions as used, for {@link #indicator}: a directly standardised rate with no age bands imported is
	 * computed and labelled as the crude rate it is (docs/domain-rules.md#outcomes, "Standardised rates"). The bands
	 * are looked up as the first key from the indicator's on, which the primary key's index answers in one probe: an
	 * {@code exists} left the planner free to scan the whole table instead (hashed, or for the first band), and in the
	 * demo's age-band import, which reads the definitions for every slice before the table has statistics, each read
	 * took 35 ms.
	 */
	public static final String DEFINITIONS = "select i.*, (i.type <> 'DSR' or coalesce((select b.indicator_id"
			+ " from outcomes_band_observation b where b.indicator_id >= i.id order by b.indicator_id limit 1) = i.id,"
			+ " false)) as as_defined from outcomes_indicator i";

	public List<Indicator> all() {
		return cache.get("indicators", List.of(), () -> List.copyOf(
				jdbc.sql(DEFINITIONS + " order by domain, id").query((rs, row) -> indicator(rs)).list()));
	}

	public Optional<Indicator> find(String id) {
		return all().stream().filter(indicator -> indicator.id().equals(id)).findFirst();
	}

	public Indicator get(String id) {
		return find(id).orElseThrow(() -> new NoSuchElementException("No indicator " + id));
	}

	/** Indicators with a Fingertips id, by that id. */
	Map<Integer, String> byFingertipsId() {
		return jdbc.sql("select fingertips_id, id from outcomes_indicator where fingertips_id is not null")
			.query((rs, row) -> Map.entry(rs.getInt(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	Map<Integer, String> fingertipsAttributes() {
		return jdbc.sql("select fingertips_id, attribute from outcomes_fingertips_attribute")
			.query((rs, row) -> Map.entry(rs.getInt(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Adds the prevalence indicator of a QOF disease group that is not defined yet, so that a national file with a
	 * group added in a later QOF year still imports as published. Returns whether it was added.
	 */
	@Transactional
	boolean defineQofGroup(String group) {
		return jdbc.sql("""
				insert into outcomes_indicator (id, name, domain, level, type, multiplier, polarity, numerator_definition,
				    denominator_definition, population_denominator, source, method)
				values (:id, :name, 2, 'PRACTICE', 'PROPORTION', 100, 'NO_JUDGEMENT', :numerator,
				    'Registered patients of the list type the group uses (PATIENT_LIST_SIZE)', false,
				    'NHS Digital, Quality and Outcomes Framework prevalence', 'WILSON')
				on conflict (id) do nothing
				""")
			.param("id", "QOF-" + group)
			.param("name", group + ": QOF prevalence")
			.param("numerator", "Patients on the " + group + " register (REGISTER)")
			.update() > 0;
	}

	/** One definition from a row of {@link #DEFINITIONS}. */
	public static Indicator indicator(ResultSet rs) throws SQLException {
		int fingertipsId = rs.getInt("fingertips_id");
		Integer fingertips = rs.wasNull() ? null : fingertipsId;
		boolean asDefined = rs.getBoolean("as_defined");
		return new Indicator(rs.getString("id"), rs.getString("name"), OutcomesDomain.of(rs.getInt("domain")),
				OutcomesLevel.valueOf(rs.getString("level")),
				asDefined ? IndicatorType.valueOf(rs.getString("type")) : IndicatorType.CRUDE_RATE,
				rs.getInt("multiplier"), Polarity.valueOf(rs.getString("polarity")), rs.getString("numerator_definition"),
				rs.getString("denominator_definition"), rs.getBoolean("population_denominator"), rs.getString("source"),
				asDefined ? StatisticalMethod.valueOf(rs.getString("method")) : StatisticalMethod.BYAR, fingertips);
	}
}
