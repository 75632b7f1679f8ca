package org.cocommission.qualitypremium;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.qualitypremium.schemes.Scheme;
import org.cocommission.qualitypremium.schemes.SchemeStore;

/**
 * CCGs' local measures: a CCG proposes one for each local slot of the year's scheme; the area team over it agrees it
 * or rejects it with a reason (NHS England, Quality premium guidance 2013/14). Every change is kept in an append-only
 * history and audited; the CCG is told of each decision.
 */
@Service
@Transactional
public class LocalMeasures {

	private final JdbcClient jdbc;

	/** Only for real batches (a CCG's set of proposals or decisions, their history): JdbcClient has none. */
	private final JdbcTemplate batch;

	private final SchemeStore schemes;

	private final QualityPremiumAccess access;

	private final AuditTrail audit;

	LocalMeasures(JdbcClient jdbc, JdbcTemplate batch, SchemeStore schemes, QualityPremiumAccess access,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.schemes = schemes;
		this.access = access;
		this.audit = audit;
	}

	/** The local measures of the CCGs the signed-in user can see (all of them for national users). */
	@Transactional(readOnly = true)
	public List<LocalMeasure> localMeasures(FinancialYear year) {
		List<LocalMeasure> all = jdbc.sql("select * from qp_local_measure where financial_year = ? order by ccg_code, slot_code")
			.param(year.startYear())
			.query(LocalMeasure.class)
			.list();
		return access.isNational() ? all : all.stream().filter(m -> access.canSee(m.ccgCode())).toList();
	}

	/** One measure's status history, oldest first: status, reason, changed_by, changed_at. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> history(long id) {
		LocalMeasure measure = localMeasure(id);
		access.checkSee(measure.ccgCode());
		return jdbc.sql("select status, reason, changed_by, changed_at from qp_local_measure_history"
				+ " where local_measure_id = ? order by id").param(id).query().listOfRows();
	}

	/** The signed-in CCG user's own CCG, for the proposal form. */
	public Optional<String> ownCcg() {
		return access.ownCcg();
	}

	/** Whether the signed-in user may agree or reject measures (area teams, and national users). */
	public boolean canDecide() {
		return access.isNational() || access.isAreaTeam();
	}

	/** A CCG's proposal for one local slot of the year's scheme. */
	public record Proposal(String ccgCode, String slotCode, String title, String description) {
	}

	/** An area team's decision on a proposed measure: agree, or reject with a reason; {@code version} as read. */
	public record Decision(long id, int version, boolean agree, String reason) {
	}

	/** A CCG proposes (or, after a rejection, proposes again) its local measure for one slot of the year's scheme. */
	public LocalMeasure propose(FinancialYear year, String ccgCode, String slotCode, String title, String description) {
		return proposeAll(year, List.of(new Proposal(ccgCode, slotCode, title, description))).get(0);
	}

	/**
	 * Several proposals at once (a CCG's whole set), each checked as {@link #propose} checks it; all are stored or,
	 * on the first refusal, none.
	 */
	public List<LocalMeasure> proposeAll(FinancialYear year, List<Proposal> proposals) {
		Scheme scheme = schemes.get(year);
		Map<String, LocalMeasure> existing = byKey(year);
		Map<String, LocalMeasure> befores = new LinkedHashMap<>();
		List<Object[]> rows = new ArrayList<>();
		for (Proposal p : proposals) {
			access.checkOwnCcg(p.ccgCode());
			if (scheme.localMeasures().stream().noneMatch(m -> m.code().equals(p.slotCode()))) {
				throw new InvalidInputException("slotCode", p.slotCode() + " is not a local measure of the " + year + " scheme");
			}
			String key = p.ccgCode() + "|" + p.slotCode();
			if (befores.containsKey(key)) {
				throw new IllegalArgumentException("Two proposals for " + p.slotCode() + " of " + p.ccgCode());
			}
			LocalMeasure before = existing.get(key);
			// Both validate the title and description, and a re-proposal that the measure is not yet agreed.
			LocalMeasure after = before == null ? new LocalMeasure(0, year.startYear(), p.ccgCode(), p.slotCode(),
					p.title(), p.description(), LocalMeasure.Status.PROPOSED, null, 0) : before.repropose(p.title(),
							p.description());
			befores.put(key, before);
			rows.add(new Object[] { year.startYear(), p.ccgCode(), p.slotCode(), after.title().trim(),
					after.description().trim(), before == null ? -1 : before.version() });
		}
		int[] counts = batch.batchUpdate("""
				insert into qp_local_measure (financial_year, ccg_code, slot_code, title, description, status)
				values (?, ?, ?, ?, ?, 'PROPOSED')
				on conflict (financial_year, ccg_code, slot_code) do update set title = excluded.title,
				  description = excluded.description, status = 'PROPOSED', reason = null,
				  version = qp_local_measure.version + 1
				where qp_local_measure.version = ?
				""", rows, new int[] { Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
				Types.INTEGER });
		requireAllUpdated(counts);
		Map<String, LocalMeasure> stored = byKey(year);
		List<LocalMeasure> afters = befores.keySet().stream().map(stored::get).toList();
		history(afters);
		audit.recordAll(afters.stream().map(after -> new AuditEntry("QP_LOCAL_MEASURE_PROPOSED", "qp_local_measure",
				String.valueOf(after.id()), after.ccgCode(), befores.get(after.ccgCode() + "|" + after.slotCode()), after))
			.toList());
		return afters;
	}

	public LocalMeasure agree(long id, int version) {
		return decideAll(List.of(new Decision(id, version, true, null))).get(0);
	}

	public LocalMeasure reject(long id, int version, String reason) {
		return decideAll(List.of(new Decision(id, version, false, reason))).get(0);
	}

	/**
	 * Area team decisions on proposed measures, each checked as {@link #agree} and {@link #reject} check it; all are
	 * stored or none. Each CCG gets one notice listing its decisions.
	 */
	public List<LocalMeasure> decideAll(List<Decision> decisions) {
		if (decisions.isEmpty()) {
			return List.of();
		}
		Map<Long, LocalMeasure> found = new LinkedHashMap<>();
		jdbc.sql("select * from qp_local_measure where id in (:ids)")
			.param("ids", decisions.stream().map(Decision::id).toList())
			.query(LocalMeasure.class)
			.list()
			.forEach(m -> found.put(m.id(), m));
		List<LocalMeasure> befores = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (Decision decision : decisions) {
			LocalMeasure before = found.get(decision.id());
			if (before == null) {
				throw new NoSuchElementException("No local measure " + decision.id());
			}
			access.checkAreaTeamOver(before.ccgCode());
			if (before.version() != decision.version()) {
				throw new OptimisticLockingFailureException("Local measure " + before.id() + " changed");
			}
			LocalMeasure after = decision.agree() ? before.agree() : before.reject(decision.reason());
			befores.add(before);
			rows.add(new Object[] { after.status().name(), after.reason(), before.id(), before.version() });
		}
		requireAllUpdated(batch.batchUpdate("update qp_local_measure set status = ?, reason = ?, version = version + 1"
				+ " where id = ? and version = ?", rows, new int[] { Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.INTEGER }));
		Map<Long, LocalMeasure> stored = new LinkedHashMap<>();
		jdbc.sql("select * from qp_local_measure where id in (:ids)")
			.param("ids", decisions.stream().map(Decision::id).toList())
			.query(LocalMeasure.class)
			.list()
			.forEach(m -> stored.put(m.id(), m));
		List<LocalMeasure> afters = befores.stream().map(b -> stored.get(b.id())).toList();
		history(afters);
		Map<String, List<String>> perCcg = new LinkedHashMap<>();
		for (LocalMeasure after : afters) {
			perCcg.computeIfAbsent(after.ccgCode(), k -> new ArrayList<>()).add(after.slotCode() + " " + after.title()
					+ " for " + new FinancialYear(after.financialYear()) + (after.status() == LocalMeasure.Status.AGREED
							? " was agreed by the area team" : " was rejected: " + after.reason()));
		}
		perCcg.forEach((ccg, lines) -> access.noticeCcg(ccg, lines.size() == 1
				? (lines.get(0).contains(" was agreed") ? "Local measure agreed" : "Local measure rejected")
				: "Local measures decided", String.join("; ", lines), "/quality-premium/local-measures"));
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = 0; i < afters.size(); i++) {
			LocalMeasure after = afters.get(i);
			entries.add(new AuditEntry(after.status() == LocalMeasure.Status.AGREED ? "QP_LOCAL_MEASURE_AGREED"
					: "QP_LOCAL_MEASURE_REJECTED", "qp_local_measure", String.valueOf(after.id()), after.ccgCode(),
					befores.get(i), after));
		}
		audit.recordAll(entries);
		return afters;
	}

	private static void requireAllUpdated(int[] counts) {
		for (int count : counts) {
			if (count == 0) {
				throw new OptimisticLockingFailureException("A local measure was changed by someone else meanwhile");
			}
		}
	}

	private Map<String, LocalMeasure> byKey(FinancialYear year) {
		Map<String, LocalMeasure> all = new LinkedHashMap<>();
		jdbc.sql("select * from qp_local_measure where financial_year = ?").param(year.startYear())
			.query(LocalMeasure.class)
			.list()
			.forEach(m -> all.put(m.ccgCode() + "|" + m.slotCode(), m));
		return all;
	}

	/** A CCG's local slot, as stored. */
	private record Slot(String ccgCode, String slotCode) {
	}

	/** The slots each CCG has an agreed local measure for: only these can earn. */
	Map<String, Set<String>> agreedSlots(FinancialYear year) {
		Map<String, Set<String>> agreed = new LinkedHashMap<>();
		jdbc.sql("select ccg_code, slot_code from qp_local_measure where financial_year = ? and status = 'AGREED'")
			.param(year.startYear())
			.query(Slot.class)
			.list()
			.forEach(slot -> agreed.computeIfAbsent(slot.ccgCode(), k -> new TreeSet<>()).add(slot.slotCode()));
		return agreed;
	}

	/** Typed batches: without the SQL types each null reason makes the driver ask the server for its type. */
	private void history(List<LocalMeasure> measures) {
		String actor = access.actor();
		batch.batchUpdate("insert into qp_local_measure_history (local_measure_id, status, reason, changed_by)"
				+ " values (?, ?, ?, ?)", measures.stream()
			.map(m -> new Object[] { m.id(), m.status().name(), m.reason(), actor })
			.toList(), new int[] { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR });
	}

	private LocalMeasure localMeasure(long id) {
		return jdbc.sql("select * from qp_local_measure where id = ?").param(id).query(LocalMeasure.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No local measure " + id));
	}
}
