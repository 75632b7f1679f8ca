package org.cocommission.finance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.finance.globalsum.GlobalSum;
import org.cocommission.finance.globalsum.PracticeFactor;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Allocation formulas as versioned data: national users create and edit drafts and publish them, which freezes them. */
@Service
@Transactional
public class FinanceFormulas {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	/** Only for real batches (a row per band, CCG, practice or coefficient): JdbcClient has none. */
	private final JdbcTemplate batch;

	FinanceFormulas(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<FormulaView> list() {
		access.requireUser();
		return jdbc.sql("select id from finance_formula order by financial_year desc, id desc")
			.query(Long.class)
			.list()
			.stream()
			.map(this::load)
			.toList();
	}

	@Transactional(readOnly = true)
	public FormulaView get(long id) {
		access.requireUser();
		return load(id);
	}

	public FormulaView createDraft(FormulaDraft draft) {
		access.checkNational();
		String user = access.requireUser().username();
		long id = jdbc.sql("insert into finance_formula (name, financial_year, status, inequalities_share_ccg,"
				+ " inequalities_share_primary, created_by) values (?, ?, 'DRAFT', ?, ?, ?) returning id")
			.params(draft.name().trim(), draft.effectiveYear().startYear(), draft.inequalitiesShareCcg(),
					draft.inequalitiesSharePrimaryCare(), user)
			.query(Long.class)
			.single();
		writeDetails(id, draft);
		history(id, FormulaStatus.DRAFT, user);
		FormulaView created = load(id);
		audit.record(new AuditEntry("FINANCE_FORMULA_CREATED", "finance_formula", String.valueOf(id), null, null,
				summary(created)));
		return created;
	}

	/** Replaces a draft's settings; {@code version} is the one the editor read, so a concurrent edit is refused. */
	public FormulaView updateDraft(long id, int version, FormulaDraft draft) {
		access.checkNational();
		FormulaView before = load(id);
		before.status().checkEditable();
		int updated = jdbc.sql("update finance_formula set name = ?, financial_year = ?, inequalities_share_ccg = ?,"
				+ " inequalities_share_primary = ?, version = version + 1 where id = ? and version = ? and status = 'DRAFT'")
			.params(draft.name().trim(), draft.effectiveYear().startYear(), draft.inequalitiesShareCcg(),
					draft.inequalitiesSharePrimaryCare(), id, version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Formula " + id + " was changed by someone else: reload it");
		}
		jdbc.sql("delete from finance_formula_weight where formula_id = ?").param(id).update();
		jdbc.sql("delete from finance_formula_global_sum where formula_id = ?").param(id).update();
		writeDetails(id, draft);
		FormulaView after = load(id);
		audit.record(new AuditEntry("FINANCE_FORMULA_UPDATED", "finance_formula", String.valueOf(id), null,
				summary(before), summary(after)));
		return after;
	}

	/** Sets the per-CCG indices of a draft (CCGs left out count as the England average). */
	public FormulaView setCcgFactors(long id, int version, List<CcgFactor> factors) {
		access.checkNational();
		FormulaView before = load(id);
		before.status().checkEditable();
		bumpVersion(id, version);
		jdbc.sql("delete from finance_formula_ccg_factor where formula_id = ?").param(id).update();
		long distinct = factors.stream().map(CcgFactor::ccgCode).distinct().count();
		if (distinct != factors.size()) {
			throw new InvalidInputException("factors", "Each CCG may have only one set of indices");
		}
		batch.batchUpdate("insert into finance_formula_ccg_factor (formula_id, ccg_code, additional_need,"
				+ " market_forces_factor, inequality_index) values (?, ?, ?, ?, ?)", factors.stream()
			.map(f -> new Object[] { id, f.ccgCode(), f.additionalNeed(), f.marketForcesFactor(), f.inequalityIndex() })
			.toList());
		audit.record(new AuditEntry("FINANCE_FORMULA_CCG_FACTORS_SET", "finance_formula", String.valueOf(id), null,
				Map.of("ccgFactors", before.ccgFactors().size()), Map.of("ccgFactors", factors.size())));
		return load(id);
	}

	/** Sets the per-practice global sum indices of a draft (practices left out count as the England average). */
	public int setPracticeFactors(long id, int version, List<PracticeFactor> factors) {
		access.checkNational();
		FormulaView before = load(id);
		before.status().checkEditable();
		if (factors.stream().map(PracticeFactor::practiceCode).distinct().count() != factors.size()) {
			throw new InvalidInputException("practiceFactors", "Each practice may have only one set of indices");
		}
		int previous = practiceFactors(id).size();
		bumpVersion(id, version);
		jdbc.sql("delete from finance_formula_practice_factor where formula_id = ?").param(id).update();
		batch.batchUpdate("insert into finance_formula_practice_factor (formula_id, practice_code, additional_needs,"
				+ " list_turnover, market_forces_factor, rurality, nursing_home_patients) values (?, ?, ?, ?, ?, ?, ?)",
				factors.stream()
					.map(f -> new Object[] { id, f.practiceCode(), f.additionalNeeds(), f.listTurnover(),
							f.marketForcesFactor(), f.rurality(), f.nursingHomePatients() })
					.toList());
		audit.record(new AuditEntry("FINANCE_FORMULA_PRACTICE_FACTORS_SET", "finance_formula", String.valueOf(id), null,
				Map.of("practiceFactors", previous), Map.of("practiceFactors", factors.size())));
		return factors.size();
	}

	/** A formula's per-practice global sum indices, by practice code. */
	@Transactional(readOnly = true)
	public List<PracticeFactor> practiceFactors(long id) {
		access.requireUserOrSystem();
		return jdbc.sql("select * from finance_formula_practice_factor where formula_id = ? order by practice_code")
			.param(id)
			.query(PracticeFactor.class)
			.list();
	}

	public FormulaView publish(long id, int version) {
		access.checkNational();
		FormulaView before = load(id);
		FormulaStatus next = before.status().publish();
		String user = access.requireUser().username();
		int updated = jdbc.sql("update finance_formula set status = ?, published_by = ?, published_at = now(),"
				+ " version = version + 1 where id = ? and version = ?")
			.params(next.name(), user, id, version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Formula " + id + " was changed by someone else: reload it");
		}
		history(id, next, user);
		FormulaView after = load(id);
		audit.record(new AuditEntry("FINANCE_FORMULA_PUBLISHED", "finance_formula", String.valueOf(id), null,
				summary(before), summary(after)));
		return after;
	}

	/** A new draft holding a copy of another version's settings and CCG indices. */
	public FormulaView copyAsDraft(long id, FinancialYear effectiveYear) {
		FormulaView source = get(id);
		FormulaView copy = createDraft(new FormulaDraft(source.name() + " (copy)", effectiveYear,
				source.inequalitiesShareCcg(), source.inequalitiesSharePrimaryCare(), source.costCurve(),
				source.globalSum()));
		FormulaView withFactors = setCcgFactors(copy.id(), copy.version(), source.ccgFactors());
		List<PracticeFactor> practices = practiceFactors(id);
		if (practices.isEmpty()) {
			return withFactors;
		}
		setPracticeFactors(copy.id(), withFactors.version(), practices);
		return load(copy.id());
	}

	private void bumpVersion(long id, int version) {
		int updated = jdbc.sql("update finance_formula set version = version + 1 where id = ? and version = ?")
			.params(id, version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Formula " + id + " was changed by someone else: reload it");
		}
	}

	private void writeDetails(long id, FormulaDraft draft) {
		List<Object[]> weights = new ArrayList<>();
		for (String sex : List.of("MALE", "FEMALE")) {
			for (String band : org.cocommission.directory.PopulationQueries.AGE_BANDS) {
				weights.add(new Object[] { id, band, sex, draft.costCurve().weight(sex, band) });
			}
		}
		batch.batchUpdate("insert into finance_formula_weight (formula_id, age_band, sex, cost_index) values (?, ?, ?, ?)",
				weights);
		batch.batchUpdate("insert into finance_formula_global_sum (formula_id, name, value) values (?, ?, ?)",
				draft.globalSum().entrySet().stream().map(e -> new Object[] { id, e.getKey(), e.getValue() }).toList());
	}

	private void history(long id, FormulaStatus status, String user) {
		jdbc.sql("insert into finance_formula_history (formula_id, status, changed_by) values (?, ?, ?)")
			.params(id, status.name(), user)
			.update();
	}

	/** One weight of a formula's cost curve, as stored. */
	private record WeightRow(String sex, String ageBand, BigDecimal costIndex) {
	}

	/** One global sum coefficient of a formula, as stored. */
	private record CoefficientRow(String name, BigDecimal value) {
	}

	/** A finance_formula row, as stored. */
	private record FormulaRow(long id, String name, int financialYear, String status, BigDecimal inequalitiesShareCcg,
			BigDecimal inequalitiesSharePrimary, String createdBy, OffsetDateTime createdAt, String publishedBy,
			OffsetDateTime publishedAt, int version) {

		FormulaView view(CostCurve curve, List<CcgFactor> factors, Map<String, BigDecimal> globalSum) {
			return new FormulaView(id, name, new FinancialYear(financialYear), FormulaStatus.valueOf(status),
					inequalitiesShareCcg.stripTrailingZeros(), inequalitiesSharePrimary.stripTrailingZeros(), curve,
					new ArrayList<>(factors), globalSum, createdBy, createdAt.toInstant(), publishedBy,
					publishedAt == null ? null : publishedAt.toInstant(), version);
		}
	}

	public FormulaView load(long id) {
		Map<String, BigDecimal> male = new LinkedHashMap<>();
		Map<String, BigDecimal> female = new LinkedHashMap<>();
		jdbc.sql("select age_band, sex, cost_index from finance_formula_weight where formula_id = ?")
			.param(id)
			.query(WeightRow.class)
			.list()
			.forEach(weight -> ("MALE".equals(weight.sex()) ? male : female).put(weight.ageBand(), weight.costIndex()));
		List<CcgFactor> factors = jdbc.sql("select * from finance_formula_ccg_factor where formula_id = ? order by ccg_code")
			.param(id)
			.query(CcgFactor.class)
			.list();
		Map<String, BigDecimal> globalSum = new LinkedHashMap<>();
		jdbc.sql("select name, value from finance_formula_global_sum where formula_id = ?")
			.param(id)
			.query(CoefficientRow.class)
			.list()
			.forEach(coefficient -> globalSum.put(coefficient.name(), coefficient.value()));
		return jdbc.sql("select * from finance_formula where id = ?")
			.param(id)
			.query(FormulaRow.class)
			.optional()
			.map(row -> row.view(new CostCurve(male, female), factors, GlobalSum.Coefficients.withDefaults(globalSum)))
			.orElseThrow(() -> new NoSuchElementException("No formula " + id));
	}

	private static Map<String, Object> summary(FormulaView view) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", view.name());
		state.put("effectiveYear", view.effectiveYear().toString());
		state.put("status", view.status().name());
		state.put("inequalitiesShareCcg", view.inequalitiesShareCcg());
		state.put("inequalitiesSharePrimaryCare", view.inequalitiesSharePrimaryCare());
		state.put("costCurve", view.costCurve());
		state.put("version", view.version());
		return state;
	}
}
