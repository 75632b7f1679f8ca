package org.cocommission.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.compute.IndicatorPeriod;
import org.cocommission.outcomes.compute.ValueComputation;
import org.cocommission.outcomes.compute.ValuesRecomputed;
import org.cocommission.outcomes.imports.Period;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators other modules define and supply values for, such as the workforce module's staff ratios: once stored,
 * outcomes computes their CCG, ICB and England values, intervals, deciles, peers, spine and alerts as it does for
 * indicators it imports (docs/domain-rules.md#measures-as-outcomes-indicators). The supplying module calls this in
 * its own transaction, so its import and the values stand or fall together; outcomes depends on no supplier. National
 * users and the application itself only, as for imports.
 */
@Service
public class SuppliedIndicators {

	private final JdbcClient jdbc;

	private final ValueComputation computation;

	private final AccessPolicy access;

	private final AuditTrail audit;

	/** Tells the alerts, in the caller's transaction, as an import does. */
	private final ApplicationEventPublisher events;

	SuppliedIndicators(JdbcClient jdbc, ValueComputation computation, AccessPolicy access, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.computation = computation;
		this.access = access;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Defines the supplier's indicators, or redefines them as given. Refuses an id that outcomes itself or another
	 * supplier defines.
	 */
	@Transactional
	public void define(String supplier, List<SuppliedIndicator> definitions) {
		checkCaller();
		for (SuppliedIndicator definition : definitions) {
			checkOwner(supplier, definition.id(), true);
			Indicator indicator = definition.indicator();
			jdbc.sql("""
					insert into outcomes_indicator (id, name, domain, level, type, multiplier, polarity,
					    numerator_definition, denominator_definition, population_denominator, source, method, supplied_by)
					values (:id, :name, :domain, 'PRACTICE', :type, :multiplier, :polarity, :numerator, :denominator, false,
					    :source, :method, :supplier)
					on conflict (id) do update set name = excluded.name, domain = excluded.domain, type = excluded.type,
					    multiplier = excluded.multiplier, polarity = excluded.polarity,
					    numerator_definition = excluded.numerator_definition,
					    denominator_definition = excluded.denominator_definition, source = excluded.source,
					    method = excluded.method
					where (outcomes_indicator.name, outcomes_indicator.domain, outcomes_indicator.type,
					    outcomes_indicator.multiplier, outcomes_indicator.polarity, outcomes_indicator.numerator_definition,
					    outcomes_indicator.denominator_definition, outcomes_indicator.source, outcomes_indicator.method)
					    is distinct from (excluded.name, excluded.domain, excluded.type, excluded.multiplier,
					    excluded.polarity, excluded.numerator_definition, excluded.denominator_definition, excluded.source,
					    excluded.method)
					""")
				.param("id", indicator.id())
				.param("name", indicator.name())
				.param("domain", indicator.domain().number())
				.param("type", indicator.type().name())
				.param("multiplier", indicator.multiplier())
				.param("polarity", indicator.polarity().name())
				.param("numerator", indicator.numeratorDefinition())
				.param("denominator", indicator.denominatorDefinition())
				.param("source", indicator.source())
				.param("method", indicator.method().name())
				.param("supplier", supplier)
				.update();
		}
	}

	/**
	 * Replaces each given slice (an indicator in a period) with the values given, then recomputes those slices and
	 * re-checks their alerts, in the caller's transaction. Practices the directory does not know are left out and
	 * reported. Serialised with outcomes imports.
	 */
	@Transactional
	public SupplyReport supply(String supplier, String description, List<SuppliedValues> slices) {
		checkCaller();
		jdbc.sql("select pg_advisory_xact_lock(?)").param(ObservationImports.IMPORT_LOCK).query().singleRow();
		slices.stream().map(SuppliedValues::indicatorId).distinct().forEach(id -> checkOwner(supplier, id, false));
		Set<String> codes = new TreeSet<>();
		slices.forEach(slice -> slice.practices().forEach(practice -> codes.add(practice.code())));
		Set<String> practices = Set.copyOf(jdbc
			.sql("select code from directory_organisation where type = 'GP_PRACTICE' and code = any (?::varchar[])")
			.param(codes.toArray(String[]::new))
			.query(String.class)
			.list());
		long importId = jdbc.sql("insert into outcomes_import (format, file_name, imported_by, finished_at, status)"
				+ " values ('supplied', ?, ?, now(), 'COMMITTED') returning id")
			.params(truncated(supplier + ": " + description, 300),
					ActingAs.isSystem() ? ActingAs.SYSTEM : access.requireUser().username())
			.query(Long.class)
			.single();
		List<IndicatorPeriod> touched = new ArrayList<>();
		long stored = 0;
		for (SuppliedValues slice : slices) {
			Period period = Period.parse(slice.period());
			jdbc.sql("insert into outcomes_period (period, kind, starts, ends, list_date) values (?, ?, ?, ?, ?)"
					+ " on conflict (period) do nothing")
				.params(period.code(), period.kind().name(), period.starts(), period.ends(), period.listDate())
				.update();
			jdbc.sql("delete from outcomes_slice where indicator_id = ? and period = ?")
				.params(slice.indicatorId(), period.code())
				.update();
			// A slice holds its practices in code order (V40_9__outcomes_observation_slices.sql); codes are ASCII.
			List<SuppliedValues.Practice> known = slice.practices()
				.stream()
				.filter(practice -> practices.contains(practice.code()))
				.sorted(Comparator.comparing(SuppliedValues.Practice::code))
				.toList();
			if (!known.isEmpty()) {
				jdbc.sql("insert into outcomes_slice (indicator_id, period, org_codes, numerators, denominators, import_id)"
						+ " values (?, ?, ?::text[], ?::float8[], ?::float8[], ?)")
					.params(slice.indicatorId(), period.code(),
							known.stream().map(SuppliedValues.Practice::code).toArray(String[]::new),
							known.stream().map(SuppliedValues.Practice::numerator).toArray(Double[]::new),
							known.stream().map(SuppliedValues.Practice::denominator).toArray(Double[]::new), importId)
					.update();
			}
			stored += known.size();
			touched.add(new IndicatorPeriod(slice.indicatorId(), period.code()));
		}
		jdbc.sql("update outcomes_import set rows_read = ?, stored = ? where id = ?")
			.params(slices.stream().mapToLong(slice -> slice.practices().size()).sum(), stored, importId)
			.update();
		computation.recompute(touched);
		events.publishEvent(new ValuesRecomputed(touched));
		List<String> unknown = codes.stream().filter(code -> !practices.contains(code)).toList();
		audit.record(new AuditEntry("OUTCOMES_VALUES_SUPPLIED", "OUTCOMES_IMPORT", Long.toString(importId), null, null,
				new Supplied(supplier, description, touched.size(), stored, unknown.size())));
		return new SupplyReport(importId, touched.size(), stored, unknown);
	}

	private void checkCaller() {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
	}

	/**
	 * The audit trail's record of a supply: who supplied what, the indicators and periods recomputed, the values
	 * stored and the practices it named that the directory does not know.
	 */
	record Supplied(String supplier, String description, int indicatorPeriods, long stored, int unknownPractices) {
	}

	/** Whether the supplier defines the indicator; when {@code orNew}, an id nobody defines yet is also its to take. */
	private void checkOwner(String supplier, String indicatorId, boolean orNew) {
		List<String> owners = jdbc.sql("select coalesce(supplied_by, '') from outcomes_indicator where id = ?")
			.param(indicatorId)
			.query(String.class)
			.list();
		if (owners.isEmpty() ? !orNew : !owners.get(0).equals(supplier)) {
			throw new IllegalArgumentException("Indicator " + indicatorId + " is "
					+ (owners.isEmpty() ? "not defined" : "defined by " + (owners.get(0).isEmpty() ? "outcomes"
							: owners.get(0)))
					+ ": " + supplier + " may supply only the indicators it defines");
		}
	}

	private static String truncated(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}
