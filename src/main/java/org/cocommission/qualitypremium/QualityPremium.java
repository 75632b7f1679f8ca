package org.cocommission.qualitypremium;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.CcgListSizes;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

/**
 * The quality premium service that pages, the JSON API and the demo share: schemes, data uploads, local measures,
 * result runs, statements and what-ifs. National analysts manage schemes, load data, compute and publish; area teams
 * agree their CCGs' local measures; CCGs propose theirs and see their own published results.
 */
@Service
@Transactional
public class QualityPremium {

	/** What a run stores for each CCG, so the result can be recomputed and explained from the run alone. */
	record StoredInputs(long population, CcgInputs inputs, Set<String> agreedLocalMeasures) {
	}

	private final SchemeStore schemes;

	private final UploadedMeasureResults uploads;

	private final MeasureResultSource source;

	private final CcgListSizes listSizes;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Notifications notifications;

	private final UserAccounts accounts;

	QualityPremium(SchemeStore schemes, UploadedMeasureResults uploads, List<MeasureResultSource> sources,
			CcgListSizes listSizes, AccessPolicy access, AuditTrail audit, JdbcClient jdbc, JsonMapper json,
			Notifications notifications, UserAccounts accounts) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.schemes = schemes;
		this.uploads = uploads;
		// Another module's source (the outcomes capability) takes precedence over uploads once it exists.
		this.source = sources.stream().filter(s -> s != uploads).findFirst().orElse(uploads);
		this.listSizes = listSizes;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.json = json;
	}

	// ---- access ----

	/** National users, or start-up work nobody signed in for (the demo loader). */
	private void checkNational() {
		if (SecurityContextHolder.getContext().getAuthentication() == null) {
			return;
		}
		access.checkNational();
	}

	private Optional<CurrentUser> user() {
		return SecurityContextHolder.getContext().getAuthentication() == null ? Optional.empty() : access.currentUser();
	}

	private String actor() {
		return user().map(CurrentUser::username).orElse(AuditTrail.SYSTEM);
	}

	/** The signed-in CCG user's own CCG, for the proposal form. */
	public Optional<String> ownCcg() {
		return user().filter(u -> u.role() == Role.CCG).map(CurrentUser::organisationCode);
	}

	public boolean isNational() {
		return user().map(CurrentUser::isNational).orElse(true);
	}

	// ---- schemes ----

	@Transactional(readOnly = true)
	public List<Scheme> schemes() {
		return schemes.years().stream().map(schemes::get).toList();
	}

	@Transactional(readOnly = true)
	public Scheme scheme(FinancialYear year) {
		return schemes.get(year);
	}

	/** A new draft scheme for {@code to}, a copy of {@code from}'s measures, standards and gateways. */
	public Scheme copyScheme(FinancialYear from, FinancialYear to) {
		checkNational();
		Scheme source = schemes.get(from);
		if (schemes.find(to).isPresent()) {
			throw new IllegalArgumentException("There is already a scheme for " + to + ": edit it, or copy to another year");
		}
		List<Measure> measures = source.measures().stream().map(m -> rebase(m, from, to)).toList();
		Scheme copy = new Scheme(to, "Quality premium " + to, source.maxPerHead(), source.populationBasis(),
				source.reductionMode(), Scheme.Status.DRAFT, from, 0, measures, source.standards(), source.gateways());
		schemes.insert(copy);
		Scheme stored = schemes.get(to);
		audit.record(new AuditEntry("QP_SCHEME_COPIED", "qp_scheme", to.toString(), null, Map.of("from", from.toString()),
				stored));
		return stored;
	}

	/** A copied measure compares with the year before its new year when its baseline was the year before the old one. */
	private static Measure rebase(Measure measure, FinancialYear from, FinancialYear to) {
		String baseline = measure.baselinePeriod();
		if (baseline != null && baseline.equals(from.previous().toString())) {
			baseline = to.previous().toString();
		}
		return new Measure(measure.code(), measure.name(), measure.kind(), measure.weightPercent(), measure.rule(),
				measure.target(), baseline, measure.parts().stream().map(p -> rebase(p, from, to)).toList());
	}

	/** Edits a draft scheme; a scheme whose results are published is refused (copy it to a new year instead). */
	public Scheme editScheme(FinancialYear year, SchemeEdit edit) {
		checkNational();
		Scheme before = schemes.get(year);
		if (!before.isEditable()) {
			throw new IllegalArgumentException("The " + year + " scheme has published results and cannot be changed:"
					+ " copy it to a new year instead");
		}
		if (edit.version() != before.version()) {
			throw new org.springframework.dao.OptimisticLockingFailureException("Scheme " + year + " changed");
		}
		for (String code : edit.measureWeights().keySet()) {
			before.measure(code).orElseThrow(() -> new IllegalArgumentException("No measure " + code + " in " + year));
		}
		List<Measure> measures = before.measures().stream().map(m -> new Measure(m.code(), m.name(), m.kind(),
				edit.measureWeights().getOrDefault(m.code(), m.weightPercent()), m.rule(),
				edit.measureTargets().getOrDefault(m.code(), m.target()), m.baselinePeriod(), m.parts())).toList();
		List<Standard> standards = before.standards().stream().map(s -> new Standard(s.code(), s.name(),
				edit.standardThresholds().getOrDefault(s.code(), s.thresholdPercent()),
				edit.standardReductions().getOrDefault(s.code(), s.reductionPercent()))).toList();
		Scheme after = new Scheme(year, before.name(),
				edit.maxPerHead() == null ? before.maxPerHead() : edit.maxPerHead(),
				before.populationBasis(), edit.reductionMode() == null ? before.reductionMode() : edit.reductionMode(),
				before.status(), before.copiedFrom(), before.version(), measures, standards, before.gateways());
		schemes.update(after, edit.version());
		Scheme stored = schemes.get(year);
		audit.record(new AuditEntry("QP_SCHEME_EDITED", "qp_scheme", year.toString(), null, before, stored));
		return stored;
	}

	// ---- data ----

	/** Loads a CSV of achievement data for the year's scheme: all rows or none, with row-numbered errors. */
	public DataImportReport importData(FinancialYear year, String fileName, byte[] content) {
		checkNational();
		Scheme scheme = schemes.get(year);
		DataImportReport report = uploads.load(scheme, fileName, content, actor());
		audit.record(new AuditEntry(report.rejected() ? "QP_DATA_REJECTED" : "QP_DATA_LOADED", "qp_import",
				year + " " + fileName, null, null, Map.of("rowsRead", report.rowsRead(), "stored", report.stored(),
						"errors", report.errors().size())));
		return report;
	}

	@Transactional(readOnly = true)
	public List<Map<String, Object>> recentImports(FinancialYear year) {
		checkNational();
		return uploads.recentImports(year);
	}

	// ---- local measures ----

	@Transactional(readOnly = true)
	public List<LocalMeasure> localMeasures(FinancialYear year) {
		List<LocalMeasure> all = jdbc.sql("select * from qp_local_measure where financial_year = ? order by ccg_code, slot_code")
			.param(year.startYear())
			.query((rs, row) -> localMeasure(rs))
			.list();
		if (isNational()) {
			return all;
		}
		CurrentUser user = access.requireUser();
		return all.stream().filter(m -> access.canSee(user, m.ccgCode())).toList();
	}

	@Transactional(readOnly = true)
	public List<Map<String, Object>> localMeasureHistory(long id) {
		LocalMeasure measure = localMeasure(id);
		checkSee(measure.ccgCode());
		return jdbc.sql("select status, reason, changed_by, changed_at from qp_local_measure_history"
				+ " where local_measure_id = ? order by id").param(id).query().listOfRows();
	}

	private LocalMeasure localMeasure(long id) {
		return jdbc.sql("select * from qp_local_measure where id = ?").param(id).query((rs, row) -> localMeasure(rs))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No local measure " + id));
	}

	private static LocalMeasure localMeasure(ResultSet rs) throws SQLException {
		return new LocalMeasure(rs.getLong("id"), rs.getInt("financial_year"), rs.getString("ccg_code"),
				rs.getString("slot_code"), rs.getString("title"), rs.getString("description"),
				LocalMeasure.Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getInt("version"));
	}

	private void checkSee(String ccgCode) {
		if (user().isEmpty()) {
			return;
		}
		access.checkCanSee(ccgCode);
	}

	/** A CCG proposes (or, after a rejection, proposes again) its local measure for one slot of the year's scheme. */
	public LocalMeasure proposeLocalMeasure(FinancialYear year, String ccgCode, String slotCode, String title,
			String description) {
		user().ifPresent(u -> {
			if (u.role() != Role.CCG || !ccgCode.equals(u.organisationCode())) {
				throw new AccessDeniedException("Only " + ccgCode + "'s own users can propose its local measures");
			}
		});
		Scheme scheme = schemes.get(year);
		if (scheme.localMeasures().stream().noneMatch(m -> m.code().equals(slotCode))) {
			throw new IllegalArgumentException(slotCode + " is not a local measure of the " + year + " scheme");
		}
		Optional<LocalMeasure> existing = jdbc.sql("select * from qp_local_measure where financial_year = ? and ccg_code = ?"
				+ " and slot_code = ?").params(year.startYear(), ccgCode, slotCode).query((rs, row) -> localMeasure(rs))
			.optional();
		LocalMeasure after;
		if (existing.isEmpty()) {
			LocalMeasure proposed = new LocalMeasure(0, year.startYear(), ccgCode, slotCode, title, description,
					LocalMeasure.Status.PROPOSED, null, 0);
			long id = jdbc.sql("insert into qp_local_measure (financial_year, ccg_code, slot_code, title, description, status)"
					+ " values (?, ?, ?, ?, ?, 'PROPOSED') returning id")
				.params(year.startYear(), ccgCode, slotCode, proposed.title().trim(), proposed.description().trim())
				.query(Long.class)
				.single();
			after = localMeasure(id);
		}
		else {
			after = save(existing.get(), existing.get().repropose(title, description));
		}
		history(after);
		audit.record(new AuditEntry("QP_LOCAL_MEASURE_PROPOSED", "qp_local_measure", String.valueOf(after.id()), ccgCode,
				existing.orElse(null), after));
		return after;
	}

	public LocalMeasure agreeLocalMeasure(long id, int version) {
		LocalMeasure before = decidable(id, version);
		LocalMeasure after = save(before, before.agree());
		history(after);
		noticeCcg(after.ccgCode(), "Local measure agreed", after.slotCode() + " " + after.title() + " for "
				+ new FinancialYear(after.financialYear()) + " was agreed by the area team", "/quality-premium/local-measures");
		audit.record(new AuditEntry("QP_LOCAL_MEASURE_AGREED", "qp_local_measure", String.valueOf(id), after.ccgCode(),
				before, after));
		return after;
	}

	public LocalMeasure rejectLocalMeasure(long id, int version, String reason) {
		LocalMeasure before = decidable(id, version);
		LocalMeasure after = save(before, before.reject(reason));
		history(after);
		noticeCcg(after.ccgCode(), "Local measure rejected", after.slotCode() + " " + after.title() + " was rejected: "
				+ after.reason(), "/quality-premium/local-measures");
		audit.record(new AuditEntry("QP_LOCAL_MEASURE_REJECTED", "qp_local_measure", String.valueOf(id), after.ccgCode(),
				before, after));
		return after;
	}

	/** The area team over the CCG decides (national users may too); the CCG itself may not agree its own measure. */
	private LocalMeasure decidable(long id, int version) {
		LocalMeasure measure = localMeasure(id);
		user().ifPresent(u -> {
			if (!u.isNational() && !(u.role() == Role.AREA_TEAM && access.canSee(u, measure.ccgCode()))) {
				throw new AccessDeniedException("Only the area team over " + measure.ccgCode()
						+ " can agree or reject its local measures");
			}
		});
		if (measure.version() != version) {
			throw new org.springframework.dao.OptimisticLockingFailureException("Local measure " + id + " changed");
		}
		return measure;
	}

	private LocalMeasure save(LocalMeasure before, LocalMeasure after) {
		int updated = jdbc.sql("update qp_local_measure set title = ?, description = ?, status = ?, reason = ?,"
				+ " version = version + 1 where id = ? and version = ?")
			.params(after.title().trim(), after.description().trim(), after.status().name(), after.reason(), before.id(),
					before.version())
			.update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException("Local measure " + before.id() + " changed");
		}
		return localMeasure(before.id());
	}

	/** A notice to every account of the CCG. */
	private void noticeCcg(String ccgCode, String title, String body, String link) {
		for (UserView user : accounts.list(ccgCode, null, 0, 100).items()) {
			notifications.notice(user.username(), title, body, link);
		}
	}

	private void history(LocalMeasure measure) {
		jdbc.sql("insert into qp_local_measure_history (local_measure_id, status, reason, changed_by) values (?, ?, ?, ?)")
			.params(measure.id(), measure.status().name(), measure.reason(), actor())
			.update();
	}

	// ---- runs ----

	/** Computes every CCG's premium from the loaded data and stores the run with its inputs (not yet published). */
	public RunSummary compute(FinancialYear year) {
		checkNational();
		Scheme scheme = schemes.get(year);
		LocalDate extract = listSizes.extractFor(year.firstDay())
			.orElseThrow(() -> new IllegalArgumentException("The directory has no registered lists to count heads from"));
		CcgListSizes.AtExtract populations = listSizes.at(extract);
		Map<String, CcgInputs> inputs = source.inputs(year);
		Map<String, Set<String>> agreed = new LinkedHashMap<>();
		jdbc.sql("select ccg_code, slot_code from qp_local_measure where financial_year = ? and status = 'AGREED'")
			.param(year.startYear())
			.query((ResultSet rs) -> {
				agreed.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
			});
		Map<String, StoredInputs> stored = new LinkedHashMap<>();
		Map<String, Award> awards = new LinkedHashMap<>();
		Money maximum = Money.ZERO;
		Money paid = Money.ZERO;
		for (var entry : populations.patients().entrySet()) {
			String ccg = entry.getKey();
			StoredInputs in = new StoredInputs(entry.getValue(), inputs.getOrDefault(ccg, CcgInputs.empty(ccg)),
					new TreeSet<>(agreed.getOrDefault(ccg, Set.of())));
			Award award = QualityPremiumAward.calculate(scheme, ccg, in.population(), in.inputs(),
					in.agreedLocalMeasures());
			stored.put(ccg, in);
			awards.put(ccg, award);
			maximum = maximum.plus(award.maximum());
			paid = paid.plus(award.finalAward());
		}
		String schemeJson = json.writeValueAsString(scheme);
		// The hash covers what the calculation reads, not the scheme's bookkeeping (status, version), so a recompute
		// of the same inputs after publishing gives the same hash.
		Scheme rules = new Scheme(scheme.year(), scheme.name(), scheme.maxPerHead(), scheme.populationBasis(),
				scheme.reductionMode(), Scheme.Status.DRAFT, scheme.copiedFrom(), 0, scheme.measures(), scheme.standards(),
				scheme.gateways());
		String hash = sha256(json.writeValueAsString(rules) + json.writeValueAsString(stored));
		long runId = jdbc.sql("insert into qp_run (financial_year, status, computed_by, inputs_sha256, scheme,"
				+ " population_date, total_maximum, total_paid) values (?, 'COMPUTED', ?, ?, cast(? as jsonb), ?, ?, ?)"
				+ " returning id")
			.params(year.startYear(), actor(), hash, schemeJson, extract, maximum.pounds(), paid.pounds())
			.query(Long.class)
			.single();
		for (var entry : awards.entrySet()) {
			Award award = entry.getValue();
			jdbc.sql("""
					insert into qp_run_result (run_id, ccg_code, ccg_name, population, maximum, earned, reduction, final_award,
					  percent_of_max, gateways_passed, standards_missed, inputs, explanation)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
					""")
				.params(runId, entry.getKey(), populations.names().get(entry.getKey()), award.population(),
						award.maximum().pounds(), award.earned().pounds(), award.reduction().pounds(),
						award.finalAward().pounds(), award.percentOfMaximum(), award.gatewaysPassed(),
						award.standardsMissed(), json.writeValueAsString(stored.get(entry.getKey())),
						json.writeValueAsString(award))
				.update();
		}
		RunSummary run = run(runId);
		audit.record(new AuditEntry("QP_RUN_COMPUTED", "qp_run", String.valueOf(runId), null, null,
				Map.of("year", year.toString(), "inputsSha256", hash, "ccgs", run.ccgs(), "totalMaximum",
						maximum.toString(), "totalPaid", paid.toString(), "source", source.describe(year))));
		return run;
	}

	/** Publishes a run: its CCG statements become visible, earlier published runs of the year are superseded and the scheme is frozen. */
	public RunSummary publish(long runId) {
		checkNational();
		RunSummary before = run(runId);
		if (!"COMPUTED".equals(before.status())) {
			throw new IllegalArgumentException("Run " + runId + " is " + before.status() + ": only a computed run can be published");
		}
		jdbc.sql("update qp_run set status = 'SUPERSEDED' where financial_year = ? and status = 'PUBLISHED'")
			.param(before.year().startYear())
			.update();
		jdbc.sql("update qp_run set status = 'PUBLISHED', published_by = ?, published_at = now() where id = ?")
			.params(actor(), runId)
			.update();
		schemes.markPublished(before.year());
		RunSummary after = run(runId);
		String yearPath = after.year().toString().replace('/', '-');
		for (String ccg : jdbc.sql("select ccg_code from qp_run_result where run_id = ?").param(runId).query(String.class).list()) {
			noticeCcg(ccg, "Quality premium " + after.year() + " statement published",
					"Your CCG's quality premium statement for " + after.year() + " is published.",
					"/quality-premium/statements/" + yearPath + "/" + ccg);
		}
		audit.record(new AuditEntry("QP_RUN_PUBLISHED", "qp_run", String.valueOf(runId), null, before, after));
		return after;
	}

	private static final String RUN_SELECT = """
			select r.*, (select count(*) from qp_run_result x where x.run_id = r.id) as ccgs,
			  (select count(*) from qp_run_result x where x.run_id = r.id and x.final_award = 0) as nothing,
			  (select coalesce(max(percent_of_max), 0) from qp_run_result x where x.run_id = r.id) as best
			from qp_run r
			""";

	private static RunSummary runSummary(ResultSet rs) throws SQLException {
		var published = rs.getTimestamp("published_at");
		var population = rs.getDate("population_date");
		return new RunSummary(rs.getLong("id"), new FinancialYear(rs.getInt("financial_year")), rs.getString("status"),
				rs.getString("computed_by"), rs.getTimestamp("computed_at").toInstant(), rs.getString("published_by"),
				published == null ? null : published.toInstant(), rs.getString("inputs_sha256"),
				population == null ? null : population.toLocalDate(), new Money(rs.getBigDecimal("total_maximum")),
				new Money(rs.getBigDecimal("total_paid")), rs.getInt("ccgs"), rs.getInt("nothing"), rs.getBigDecimal("best"));
	}

	@Transactional(readOnly = true)
	public RunSummary run(long runId) {
		return jdbc.sql(RUN_SELECT + " where r.id = ?").param(runId).query((rs, row) -> runSummary(rs)).optional()
			.orElseThrow(() -> new NoSuchElementException("No quality premium run " + runId));
	}

	@Transactional(readOnly = true)
	public List<RunSummary> runs() {
		checkNational();
		return jdbc.sql(RUN_SELECT + " order by r.id desc").query((rs, row) -> runSummary(rs)).list();
	}

	@Transactional(readOnly = true)
	public Optional<RunSummary> publishedRun(FinancialYear year) {
		return jdbc.sql(RUN_SELECT + " where r.financial_year = ? and r.status = 'PUBLISHED'").param(year.startYear())
			.query((rs, row) -> runSummary(rs)).optional();
	}

	/** Every CCG's line of a run (national users), best award first, or by code. */
	@Transactional(readOnly = true)
	public List<CcgResultRow> results(long runId, String sort) {
		checkNational();
		run(runId);
		String order = "code".equals(sort) ? "ccg_code" : "percent_of_max desc, ccg_code";
		return jdbc.sql("select * from qp_run_result where run_id = ? order by " + order).param(runId)
			.query((rs, row) -> row(rs)).list();
	}

	/** The published results of the CCGs the signed-in user can see (an area team's CCGs; a CCG's own). */
	@Transactional(readOnly = true)
	public List<CcgResultRow> visiblePublishedResults(FinancialYear year) {
		Optional<RunSummary> run = publishedRun(year);
		if (run.isEmpty()) {
			return List.of();
		}
		List<CcgResultRow> rows = jdbc.sql("select * from qp_run_result where run_id = ? order by ccg_code")
			.param(run.get().id()).query((rs, row) -> row(rs)).list();
		if (isNational()) {
			return rows;
		}
		CurrentUser user = access.requireUser();
		return rows.stream().filter(r -> access.canSee(user, r.ccgCode())).toList();
	}

	private static CcgResultRow row(ResultSet rs) throws SQLException {
		return new CcgResultRow(rs.getString("ccg_code"), rs.getString("ccg_name"), rs.getLong("population"),
				new Money(rs.getBigDecimal("maximum")), new Money(rs.getBigDecimal("earned")),
				new Money(rs.getBigDecimal("reduction")), new Money(rs.getBigDecimal("final_award")),
				rs.getBigDecimal("percent_of_max"), rs.getBoolean("gateways_passed"), rs.getInt("standards_missed"));
	}

	/** One CCG's result in a run: national users see any run; others only a published run, for a CCG they can see. */
	@Transactional(readOnly = true)
	public CcgResult result(long runId, String ccgCode) {
		RunSummary run = run(runId);
		checkSee(ccgCode);
		if (!isNational() && !run.published()) {
			throw new AccessDeniedException("This run's results are not published yet");
		}
		return jdbc.sql("select r.ccg_name, r.inputs, r.explanation, q.scheme from qp_run_result r join qp_run q on q.id = r.run_id"
				+ " where r.run_id = ? and r.ccg_code = ?")
			.params(runId, ccgCode)
			.query((rs, row) -> {
				StoredInputs in = json.readValue(rs.getString("inputs"), StoredInputs.class);
				return new CcgResult(run, ccgCode, rs.getString("ccg_name"),
						json.readValue(rs.getString("explanation"), Award.class),
						json.readValue(rs.getString("scheme"), Scheme.class), in.inputs(), in.agreedLocalMeasures(),
						source.describe(run.year()));
			})
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No result for " + ccgCode + " in run " + runId));
	}

	/** A CCG's statement: its result in the year's published run. */
	@Transactional(readOnly = true)
	public CcgResult statement(FinancialYear year, String ccgCode) {
		checkSee(ccgCode);
		RunSummary run = publishedRun(year)
			.orElseThrow(() -> new NoSuchElementException("No quality premium results are published for " + year + " yet"));
		return result(run.id(), ccgCode);
	}

	/** The award recomputed from the run's stored inputs with one outcome changed; nothing is stored. */
	@Transactional(readOnly = true)
	public Award whatIf(long runId, String ccgCode, WhatIf change) {
		CcgResult official = result(runId, ccgCode);
		if (change.measureCode() != null && official.scheme().measure(change.measureCode()).isEmpty()) {
			throw new IllegalArgumentException("No measure " + change.measureCode() + " in the " + official.run().year() + " scheme");
		}
		if (change.standardCode() != null
				&& official.scheme().standards().stream().noneMatch(s -> s.code().equals(change.standardCode()))) {
			throw new IllegalArgumentException("No standard " + change.standardCode() + " in the " + official.run().year() + " scheme");
		}
		return QualityPremiumAward.calculate(official.scheme(), ccgCode, official.award().population(), official.inputs(),
				official.agreedLocalMeasures(), change);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static BigDecimal total(List<CcgResultRow> rows) {
		return rows.stream().map(r -> r.finalAward().pounds()).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static List<String> codes(List<CcgResultRow> rows) {
		return new ArrayList<>(rows.stream().map(CcgResultRow::ccgCode).toList());
	}
}
