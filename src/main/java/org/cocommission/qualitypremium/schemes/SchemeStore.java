package org.cocommission.qualitypremium.schemes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.cocommission.platform.FinancialYear;

/** Schemes in their tables: the scheme row, its measures (parts under their composite), standards and gateways. */
@Repository
public class SchemeStore {

	private final JdbcClient jdbc;

	SchemeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FinancialYear> years() {
		return jdbc.sql("select financial_year from qp_scheme order by financial_year")
			.query(Integer.class)
			.list()
			.stream()
			.map(FinancialYear::new)
			.toList();
	}

	public Optional<Scheme> find(FinancialYear year) {
		return jdbc.sql("select * from qp_scheme where financial_year = ?").param(year.startYear())
			.query(SchemeRow.class)
			.optional()
			.map(row -> new Scheme(year, row.name(), row.maxPerHead(), row.populationBasis(), row.reductionMode(),
					row.status(), row.copiedFrom() == null || row.copiedFrom() == 0 ? null
							: new FinancialYear(row.copiedFrom()),
					row.version(), measures(year), standards(year), gateways(year)));
	}

	public Scheme get(FinancialYear year) {
		return find(year).orElseThrow(() -> new NoSuchElementException("There is no quality premium scheme for " + year));
	}

	/** A qp_scheme row, as stored. */
	private record SchemeRow(String name, java.math.BigDecimal maxPerHead, String populationBasis,
			ReductionMode reductionMode, Scheme.Status status, Integer copiedFrom, int version) {
	}

	/** A qp_measure row, as stored (a part names its composite in parent_code). */
	private record Row(String code, String parentCode, String name, Measure.Kind kind,
			java.math.BigDecimal weightPercent, MeasureRule rule, java.math.BigDecimal target, String baselinePeriod,
			ValueDomain valueDomain) {
	}

	private List<Measure> measures(FinancialYear year) {
		List<Row> rows = jdbc.sql("select * from qp_measure where financial_year = ? order by parent_code nulls first, position")
			.param(year.startYear())
			.query(Row.class)
			.list();
		Map<String, List<Measure>> parts = new LinkedHashMap<>();
		for (Row row : rows) {
			if (row.parentCode() != null) {
				parts.computeIfAbsent(row.parentCode(), key -> new ArrayList<>()).add(measure(row, List.of()));
			}
		}
		return rows.stream().filter(row -> row.parentCode() == null)
			.map(row -> measure(row, parts.getOrDefault(row.code(), List.of())))
			.toList();
	}

	private static Measure measure(Row row, List<Measure> parts) {
		return new Measure(row.code(), row.name(), row.kind(), row.weightPercent(), row.rule(), row.target(),
				row.baselinePeriod(), parts, row.valueDomain());
	}

	private List<Standard> standards(FinancialYear year) {
		return jdbc.sql("select * from qp_standard where financial_year = ? order by position").param(year.startYear())
			.query(Standard.class)
			.list();
	}

	private List<Gateway> gateways(FinancialYear year) {
		return jdbc.sql("select * from qp_gateway where financial_year = ? order by position").param(year.startYear())
			.query(Gateway.class)
			.list();
	}

	public void insert(Scheme scheme) {
		jdbc.sql("insert into qp_scheme (financial_year, name, max_per_head, population_basis, reduction_mode, status,"
				+ " copied_from) values (?, ?, ?, ?, ?, ?, ?)")
			.params(scheme.year().startYear(), scheme.name(), scheme.maxPerHead(), scheme.populationBasis(),
					scheme.reductionMode().name(), scheme.status().name(),
					scheme.copiedFrom() == null ? null : scheme.copiedFrom().startYear())
			.update();
		insertChildren(scheme);
	}

	/** Replaces a draft scheme's contents, if nobody changed it since {@code expectedVersion} was read. */
	void update(Scheme scheme, int expectedVersion) {
		int updated = jdbc.sql("update qp_scheme set name = ?, max_per_head = ?, population_basis = ?, reduction_mode = ?,"
				+ " version = version + 1 where financial_year = ? and version = ? and status = 'DRAFT'")
			.params(scheme.name(), scheme.maxPerHead(), scheme.populationBasis(), scheme.reductionMode().name(),
					scheme.year().startYear(), expectedVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Scheme " + scheme.year() + " was changed by someone else");
		}
		// The measures are rewritten below: keep which outcomes indicator feeds each of them.
		Map<String, String> indicators = indicatorIds(scheme.year());
		for (String table : List.of("qp_measure", "qp_standard", "qp_gateway")) {
			jdbc.sql("delete from " + table + " where financial_year = ?").param(scheme.year().startYear()).update();
		}
		insertChildren(scheme);
		setIndicatorIds(scheme.year(), indicators);
	}

	/** A measure's outcomes indicator, as stored. */
	private record IndicatorRow(String code, String outcomesIndicatorId) {
	}

	/** The outcomes indicator mapped to each measure (and part) of a year's scheme that has one, by measure code. */
	public Map<String, String> indicatorIds(FinancialYear year) {
		Map<String, String> ids = new java.util.TreeMap<>();
		jdbc.sql("select code, outcomes_indicator_id from qp_measure where financial_year = ?"
				+ " and outcomes_indicator_id is not null")
			.param(year.startYear())
			.query(IndicatorRow.class)
			.list()
			.forEach(row -> ids.put(row.code(), row.outcomesIndicatorId()));
		return ids;
	}

	/** Sets each measure's outcomes indicator; a measure not in {@code ids} is left unmapped. */
	void setIndicatorIds(FinancialYear year, Map<String, String> ids) {
		jdbc.sql("update qp_measure set outcomes_indicator_id = null where financial_year = ?").param(year.startYear())
			.update();
		ids.forEach((code, id) -> jdbc.sql("update qp_measure set outcomes_indicator_id = ? where financial_year = ?"
				+ " and code = ?").params(id, year.startYear(), code).update());
	}

	/** Marks a draft scheme changed, if nobody changed it since {@code expectedVersion} was read. */
	void touch(FinancialYear year, int expectedVersion) {
		int updated = jdbc.sql("update qp_scheme set version = version + 1 where financial_year = ? and version = ?"
				+ " and status = 'DRAFT'").params(year.startYear(), expectedVersion).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Scheme " + year + " was changed by someone else");
		}
	}

	/**
	 * Freezes the scheme. The version stays as it is, so a run remembers which version of the rules it was computed
	 * under; no edit can follow, since only drafts are updated.
	 */
	public void markPublished(FinancialYear year) {
		jdbc.sql("update qp_scheme set status = 'PUBLISHED' where financial_year = ? and status = 'DRAFT'")
			.param(year.startYear())
			.update();
	}

	private void insertChildren(Scheme scheme) {
		int year = scheme.year().startYear();
		int position = 0;
		for (Measure measure : scheme.measures()) {
			insertMeasure(year, measure, null, ++position);
			int part = 0;
			for (Measure child : measure.parts()) {
				insertMeasure(year, child, measure.code(), ++part);
			}
		}
		position = 0;
		for (Standard standard : scheme.standards()) {
			jdbc.sql("insert into qp_standard (financial_year, code, position, name, threshold_percent, reduction_percent)"
					+ " values (?, ?, ?, ?, ?, ?)")
				.params(year, standard.code(), ++position, standard.name(), standard.thresholdPercent(),
						standard.reductionPercent())
				.update();
		}
		position = 0;
		for (Gateway gateway : scheme.gateways()) {
			jdbc.sql("insert into qp_gateway (financial_year, code, position, name) values (?, ?, ?, ?)")
				.params(year, gateway.code(), ++position, gateway.name())
				.update();
		}
	}

	private void insertMeasure(int year, Measure measure, String parent, int position) {
		jdbc.sql("insert into qp_measure (financial_year, code, parent_code, position, name, kind, weight_percent, rule,"
				+ " target, baseline_period, value_domain) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(year, measure.code(), parent, position, measure.name(), measure.kind().name(), measure.weightPercent(),
					measure.rule().name(), measure.target(), measure.baselinePeriod(),
					measure.domain() == null ? null : measure.domain().name())
			.update();
	}
}
