package org.cocommission.qualitypremium;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.CcgListSizes;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;
import org.cocommission.qualitypremium.data.CcgInputs;
import org.cocommission.qualitypremium.data.MeasureResults;
import org.cocommission.qualitypremium.data.UploadedFile;
import org.cocommission.qualitypremium.data.UploadedMeasureResults;
import org.cocommission.qualitypremium.runs.Award;
import org.cocommission.qualitypremium.runs.CcgResult;
import org.cocommission.qualitypremium.runs.CcgResultRow;
import org.cocommission.qualitypremium.runs.PublishForm;
import org.cocommission.qualitypremium.runs.QualityPremiumAward;
import org.cocommission.qualitypremium.runs.Reproduction;
import org.cocommission.qualitypremium.runs.RunStore;
import org.cocommission.qualitypremium.runs.WhatIf;
import org.cocommission.qualitypremium.schemes.Scheme;
import org.cocommission.qualitypremium.schemes.SchemeStore;

/**
 * Quality premium results: national analysts load a year's data, compute every CCG's award into a run (audited, with
 * a hash of its inputs so it can be redone), and publish it; CCGs and area teams then read their statements. What-ifs
 * recompute one CCG's award with one outcome changed, storing nothing.
 */
@Service
@Transactional
public class QualityPremium {

	/** What a run stores for each CCG, so the result can be recomputed and explained from the run alone. */
	/**
	 * {@code measureOrigins}: where a measure's values came from when not from the uploads. Left out of the JSON when
	 * empty, so runs stored before it existed read, and hash, as they did.
	 */
	record StoredInputs(long population, CcgInputs inputs, SortedSet<String> agreedLocalMeasures,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> measureOrigins) {

		StoredInputs {
			agreedLocalMeasures = Collections.unmodifiableSortedSet(new TreeSet<>(agreedLocalMeasures));
			measureOrigins = Collections.unmodifiableSortedMap(
					measureOrigins == null ? new TreeMap<>() : new TreeMap<>(measureOrigins));
		}
	}

	private final SchemeStore schemes;

	private final UploadedMeasureResults uploads;

	private final MeasureResults source;

	private final LocalMeasures localMeasures;

	private final CcgListSizes listSizes;

	private final RunStore runs;

	private final QualityPremiumAccess access;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	QualityPremium(SchemeStore schemes, UploadedMeasureResults uploads, MeasureResults source,
			LocalMeasures localMeasures, CcgListSizes listSizes, RunStore runs, QualityPremiumAccess access,
			AuditTrail audit, JsonMapper json, ApplicationEventPublisher events) {
		this.schemes = schemes;
		this.uploads = uploads;
		this.source = source;
		this.localMeasures = localMeasures;
		this.listSizes = listSizes;
		this.runs = runs;
		this.access = access;
		this.audit = audit;
		this.json = json;
		this.events = events;
	}

	public boolean isNational() {
		return access.isNational();
	}

	// ---- data ----

	/** Loads a CSV of achievement data for the year's scheme: all rows or none, with row-numbered errors. */
	public DataImportReport importData(FinancialYear year, String fileName, byte[] content) {
		access.checkNational();
		Scheme scheme = schemes.get(year);
		DataImportReport report = uploads.load(scheme, fileName, content, access.actor());
		audit.record(new AuditEntry(report.rejected() ? "QP_DATA_REJECTED" : "QP_DATA_LOADED", "qp_import",
				year + " " + fileName, null, null, new DataLoaded(report.rowsRead(), report.stored(),
						report.errors().size())));
		return report;
	}

	/** The audit trail's record of a data upload: the rows read, stored and in error. */
	record DataLoaded(int rowsRead, int stored, int errors) {
	}

	/** The audit trail's record of a run: its year, the hash of its inputs, its CCGs, totals and data source. */
	record RunComputed(String year, String inputsSha256, int ccgs, String totalMaximum, String totalPaid,
			String source) {
	}

	/** The year a national analyst most likely computes next: the one whose data was uploaded last. */
	@Transactional(readOnly = true)
	public Optional<FinancialYear> lastUploadedYear() {
		access.checkNational();
		return uploads.lastLoadedYear();
	}

	/**
	 * How many CCGs have every local measure of the year's scheme agreed (a CCG without loses that share of its
	 * maximum: 15% in 2014/15).
	 */
	@Transactional(readOnly = true)
	public long ccgsWithLocalMeasuresAgreed(FinancialYear year) {
		access.checkNational();
		int slots = schemes.get(year).localMeasures().size();
		return localMeasures.agreedSlots(year).values().stream().filter(agreed -> agreed.size() >= slots).count();
	}

	@Transactional(readOnly = true)
	public List<UploadedFile> recentImports(FinancialYear year) {
		access.checkNational();
		return uploads.recentImports(year);
	}

	// ---- runs ----

	/** Computes every CCG's premium from the loaded data and stores the run with its inputs (not yet published). */
	public RunSummary compute(FinancialYear year) {
		access.checkNational();
		Scheme scheme = schemes.get(year);
		LocalDate extract = listSizes.extractFor(year.firstDay())
			.orElseThrow(() -> new InvalidInputException("year", "The directory has no registered lists to count heads from"));
		CcgListSizes.AtExtract populations = listSizes.at(extract);
		MeasureResults.Sourced sourced = source.sourced(year);
		Map<String, CcgInputs> inputs = sourced.inputs();
		if (inputs.isEmpty()) {
			throw new InvalidInputException("year", "No data is loaded for " + year + " yet: upload the year's CCG data first");
		}
		Map<String, Set<String>> agreed = localMeasures.agreedSlots(year);
		Map<String, StoredInputs> stored = new TreeMap<>();
		List<RunStore.StoredResult> results = new ArrayList<>();
		Money maximum = Money.ZERO;
		Money paid = Money.ZERO;
		for (var entry : populations.patients().entrySet()) {
			String ccg = entry.getKey();
			StoredInputs in = new StoredInputs(entry.getValue(), inputs.getOrDefault(ccg, CcgInputs.empty(ccg)),
					new TreeSet<>(agreed.getOrDefault(ccg, Set.of())), new TreeMap<>(sourced.origins().getOrDefault(ccg, Map.of())));
			Award award = QualityPremiumAward.calculate(scheme, ccg, in.population(), in.inputs(), in.agreedLocalMeasures());
			stored.put(ccg, in);
			results.add(new RunStore.StoredResult(ccg, populations.names().get(ccg), award, json.writeValueAsString(in),
					json.writeValueAsString(award)));
			maximum = maximum.plus(award.maximum());
			paid = paid.plus(award.finalAward());
		}
		String hash = inputsHash(scheme, stored);
		long runId = runs.insert(year, access.actor(), hash, json.writeValueAsString(scheme), extract, maximum, paid,
				results);
		RunSummary run = run(runId);
		audit.record(new AuditEntry("QP_RUN_COMPUTED", "qp_run", String.valueOf(runId), null, null,
				new RunComputed(year.toString(), hash, run.ccgs(), maximum.toString(), paid.toString(),
						source.describe(year))));
		return run;
	}

	/**
	 * The hash of what the calculation reads: the scheme's rules (not its bookkeeping: status, version) and every
	 * CCG's population, inputs and agreed local measures, in code order. Same inputs, same hash.
	 */
	private String inputsHash(Scheme scheme, Map<String, StoredInputs> stored) {
		Scheme rules = new Scheme(scheme.year(), scheme.name(), scheme.maxPerHead(), scheme.populationBasis(),
				scheme.reductionMode(), Scheme.Status.DRAFT, scheme.copiedFrom(), 0, scheme.measures(), scheme.standards(),
				scheme.gateways());
		String text = json.writeValueAsString(rules) + json.writeValueAsString(new TreeMap<>(stored));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Publishes a run: its CCG statements become visible, an earlier published run of the year is superseded and the
	 * scheme is frozen. Refused for a run computed under rules that have changed since, for a run older than the one
	 * published, and for a run with inputs not assessed unless {@code override} gives the reason (audited).
	 */
	public RunSummary publish(long runId, String override) {
		access.checkNational();
		RunSummary before = run(runId);
		if (!"COMPUTED".equals(before.status())) {
			throw new IllegalArgumentException("Run " + runId + " is " + before.statusLabel().toLowerCase()
					+ ": only a computed run can be published");
		}
		Optional<RunSummary> published = runs.published(before.year());
		// Runs are numbered as they are computed: a higher number is a later run.
		if (published.isPresent() && published.get().id() > runId) {
			throw new IllegalArgumentException("Run " + runId + " was computed before run " + published.get().id()
					+ ", which is published: publishing it would replace newer statements with older ones."
					+ " Compute the premiums again to publish new results");
		}
		Scheme current = schemes.get(before.year());
		Scheme computedUnder = json.readValue(runs.schemeJson(runId), Scheme.class);
		if (computedUnder.version() != current.version()) {
			throw new IllegalArgumentException("The " + before.year() + " scheme was changed after run " + runId
					+ " was computed: compute the premiums again and publish the new run");
		}
		String reason = override == null || override.isBlank() ? null : override.strip();
		if (!before.complete() && reason == null) {
			throw new InvalidInputException("override", "%d of %d CCGs have a measure, standard or gateway not assessed for want of data: load the missing data and compute again, or give the reason for publishing anyway"
				.formatted(before.ccgsWithMissingInputs(), before.ccgs()));
		}
		if (reason != null && reason.length() > PublishForm.OVERRIDE_MAX) {
			throw new InvalidInputException("override", "The reason can be at most " + PublishForm.OVERRIDE_MAX + " characters");
		}
		runs.publish(before, access.actor(), before.complete() ? null : reason);
		schemes.markPublished(before.year());
		RunSummary after = run(runId);
		events.publishEvent(new QualityPremiumStatementsPublished(before, after, runs.ccgCodes(runId)));
		return after;
	}

	/** Publishes a run whose every input was assessed (see {@link #publish(long, String)}). */
	public RunSummary publish(long runId) {
		return publish(runId, null);
	}

	/** The run published for the year before this one would be, if any (for the confirmation page). */
	@Transactional(readOnly = true)
	public Optional<RunSummary> publishedBefore(long runId) {
		return publishedRun(run(runId).year()).filter(r -> r.id() != runId);
	}

	/** Redoes a run from what it stored and says whether every award and the inputs hash come out the same. */
	@Transactional(readOnly = true)
	public Reproduction reproduce(long runId) {
		access.checkNational();
		RunSummary run = run(runId);
		Map<String, StoredInputs> stored = new TreeMap<>();
		List<String> differences = new ArrayList<>();
		Scheme scheme = null;
		int matching = 0;
		List<RunStore.StoredJson> all = runs.allJson(runId);
		for (RunStore.StoredJson row : all) {
			scheme = scheme == null ? json.readValue(row.scheme(), Scheme.class) : scheme;
			StoredInputs in = json.readValue(row.inputs(), StoredInputs.class);
			stored.put(row.ccgCode(), in);
			Award official = json.readValue(row.explanation(), Award.class);
			Award again = QualityPremiumAward.calculate(scheme, row.ccgCode(), in.population(), in.inputs(),
					in.agreedLocalMeasures());
			if (again.finalAward().compareTo(official.finalAward()) == 0
					&& again.explanation().equals(official.explanation())) {
				matching++;
			}
			else {
				differences.add(row.ccgCode() + ": stored " + official.finalAward().formatted() + ", recomputed "
						+ again.finalAward().formatted());
			}
		}
		String hash = scheme == null ? "" : inputsHash(scheme, stored);
		return new Reproduction(runId, hash, hash.equals(run.inputsSha256()), all.size(), matching, differences);
	}

	/** A run's summary: national users see every run; others only published ones. */
	@Transactional(readOnly = true)
	public RunSummary run(long runId) {
		RunSummary run = runs.find(runId).orElseThrow(() -> new NoSuchElementException("No quality premium run " + runId));
		if (!run.published() && !access.isNational()) {
			throw new AccessDeniedException("This run's results are not published yet");
		}
		return run;
	}

	@Transactional(readOnly = true)
	public List<RunSummary> runs() {
		access.checkNational();
		return runs.all();
	}

	@Transactional(readOnly = true)
	public Optional<RunSummary> publishedRun(FinancialYear year) {
		return runs.published(year);
	}

	/** Every CCG's line of a run (national users), best award first, or by code when {@code sort} is "code". */
	@Transactional(readOnly = true)
	public List<CcgResultRow> results(long runId, String sort) {
		access.checkNational();
		run(runId);
		return runs.rows(runId, "code".equals(sort));
	}

	/** The published results of the CCGs the signed-in user can see (an area team's CCGs; a CCG's own). */
	@Transactional(readOnly = true)
	public List<CcgResultRow> visiblePublishedResults(FinancialYear year) {
		return publishedRun(year).map(run -> runs.rows(run.id(), true).stream()
			.filter(r -> access.isNational() || access.canSee(r.ccgCode()))
			.toList()).orElse(List.of());
	}

	/** One CCG's result in a run: national users see any run; others only a published run, for a CCG they can see. */
	@Transactional(readOnly = true)
	public CcgResult result(long runId, String ccgCode) {
		access.checkSee(ccgCode);
		RunSummary run = run(runId);
		RunStore.StoredJson stored = runs.json(runId, ccgCode)
			.orElseThrow(() -> new NoSuchElementException("No result for " + ccgCode + " in run " + runId));
		StoredInputs in = json.readValue(stored.inputs(), StoredInputs.class);
		return new CcgResult(run, ccgCode, stored.ccgName(), json.readValue(stored.explanation(), Award.class),
				json.readValue(stored.scheme(), Scheme.class), in.inputs(), in.agreedLocalMeasures(),
				source.describe(run.year()), in.measureOrigins());
	}

	/** A CCG's statement: its result in the year's published run. */
	@Transactional(readOnly = true)
	public CcgResult statement(FinancialYear year, String ccgCode) {
		access.checkSee(ccgCode);
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
}
