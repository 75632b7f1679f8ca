package org.cocommission.authorisation.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.Framework;
import org.cocommission.authorisation.OutcomeKind;
import org.cocommission.authorisation.PanelDecided;
import org.cocommission.authorisation.SupportLevel;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CCG's application to a wave of the 2012-13 framework: the CCG adds evidence per criterion and submits; NHS England
 * assigns assessors, who record a recommendation per criterion at the desktop review and the site visit, and the site
 * visit itself; NHS England records the panel's finding per criterion, which makes the outcome and its conditions.
 * An assessor sees only the applications assigned to them. Rules in docs/domain-rules.md, "CCG authorisation".
 */
@Service
public class AuthorisationApplications {

	/** The largest evidence document kept. */
	static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final Authorisation authorisation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AuthorisationApplications(JdbcClient jdbc, AccessPolicy access, Authorisation authorisation,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.authorisation = authorisation;
		this.events = events;
		this.clock = clock;
	}

	private record Head(long id, String ccgCode, int wave, Application.Status status, String selfAssessment,
			Instant submittedAt, LocalDate siteVisitOn, String siteVisitNote, LocalDate decidedOn) {
	}

	private Head head(long id, boolean forUpdate) {
		return jdbc.sql("select id, ccg_code, wave, status, self_assessment, submitted_at, site_visit_on, site_visit_note,"
				+ " decided_on from authorisation_application where id = ?" + (forUpdate ? " for update" : ""))
			.param(id)
			.query(Head.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No application " + id));
	}

	/** Starts the CCG's application to a wave: the CCG itself or NHS England; one per CCG, none once decided. */
	@Transactional
	public long start(String ccgCode, int wave) {
		checkIsCcgOrNational(ccgCode);
		long framework = authorisation.framework(Authorisation.FRAMEWORK_2012_13).id();
		if (!jdbc.sql("select exists (select 1 from authorisation_wave where framework_id = ? and number = ?)")
			.params(framework, wave)
			.query(Boolean.class)
			.single()) {
			throw new InvalidInputException("wave", "There is no wave " + wave);
		}
		if (authorisation.outcomeOf(ccgCode).isPresent()) {
			throw new InvalidInputException("wave", "The panel has decided this CCG's authorisation already");
		}
		Optional<Long> existing = applicationOf(ccgCode);
		if (existing.isPresent()) {
			return existing.get();
		}
		return jdbc.sql("insert into authorisation_application (ccg_code, framework_id, wave, status) values (?, ?, ?,"
				+ " 'DRAFT') returning id")
			.params(ccgCode, framework, wave)
			.query(Long.class)
			.single();
	}

	/** The CCG's application, if it has one. */
	public Optional<Long> applicationOf(String ccgCode) {
		return jdbc.sql("select id from authorisation_application where ccg_code = ?")
			.param(ccgCode)
			.query(Long.class)
			.optional();
	}

	/** The CCG an application is for, for the URL rules. */
	public Optional<String> ccgOf(long applicationId) {
		return jdbc.sql("select ccg_code from authorisation_application where id = ?")
			.param(applicationId)
			.query(String.class)
			.optional();
	}

	/** The application with everything recorded on it: the CCG, its area team, NHS England and its assessors. */
	@Transactional(readOnly = true)
	public Application application(long id) {
		checkCanRead(id);
		Head head = head(id, false);
		Framework framework = authorisation.framework(Authorisation.FRAMEWORK_2012_13);
		List<Application.Evidence> evidence = jdbc.sql("select id, criterion_code, title, url, file_name, added_by"
				+ " from authorisation_evidence where application_id = ? order by id")
			.param(id)
			.query(Application.Evidence.class)
			.list();
		List<Application.Recommendation> recommendations = jdbc.sql("select criterion_code, stage, met, note, assessed_by"
				+ " from authorisation_recommendation where application_id = ?")
			.param(id)
			.query(Application.Recommendation.class)
			.list();
		List<Application.Finding> findings = jdbc.sql("select criterion_code, met, support_level, directions"
				+ " from authorisation_panel_finding where application_id = ?")
			.param(id)
			.query((rs, n) -> new Application.Finding(rs.getString("criterion_code"), rs.getBoolean("met"),
					rs.getObject("support_level") == null ? null : SupportLevel.of(rs.getInt("support_level")),
					rs.getBoolean("directions")))
			.list();
		List<Application.CriterionFile> files = new ArrayList<>();
		for (Framework.Domain domain : framework.domains()) {
			for (Framework.Criterion criterion : domain.criteria()) {
				String code = criterion.code();
				files.add(new Application.CriterionFile(criterion,
						evidence.stream().filter(e -> e.criterionCode().equals(code)).toList(),
						recommendations.stream()
							.filter(r -> r.criterionCode().equals(code) && r.stage() == Application.Stage.DESKTOP)
							.findFirst()
							.orElse(null),
						recommendations.stream()
							.filter(r -> r.criterionCode().equals(code) && r.stage() == Application.Stage.SITE_VISIT)
							.findFirst()
							.orElse(null),
						findings.stream().filter(f -> f.criterionCode().equals(code)).findFirst().orElse(null)));
			}
		}
		List<String> assessors = jdbc.sql("select username from authorisation_assessor where application_id = ?"
				+ " order by username")
			.param(id)
			.query(String.class)
			.list();
		return new Application(head.id(), head.ccgCode(), head.wave(), head.status(), head.selfAssessment(),
				head.submittedAt(), head.siteVisitOn(), head.siteVisitNote(), head.decidedOn(), assessors, files,
				authorisation.carriedConditions(head.ccgCode(), LocalDate.now(clock)));
	}

	/** Adds evidence for a criterion while the application is a draft: a PDF (checked by its content) or a link. */
	@Transactional
	public long addEvidence(long id, String criterionCode, String title, String url, String fileName, byte[] content) {
		Head head = head(id, true);
		checkIsCcgOrNational(head.ccgCode());
		requireStatus(head, Application.Status.DRAFT, "file", "Evidence can be added only before the application is submitted");
		criterion(criterionCode);
		boolean hasFile = content != null && content.length > 0;
		boolean hasUrl = url != null && !url.isBlank();
		if (hasFile == hasUrl) {
			throw new InvalidInputException("file", "Attach a PDF or give a link, one of the two");
		}
		String link = null;
		String name = null;
		String sha256 = null;
		if (hasUrl) {
			link = url.strip();
			if (!link.toLowerCase(Locale.ROOT).startsWith("https://") && !link.toLowerCase(Locale.ROOT).startsWith("http://")) {
				throw new InvalidInputException("url", "Give a link that starts with https://");
			}
		}
		else {
			if (content.length > MAX_EVIDENCE_BYTES) {
				throw new InvalidInputException("file", "The document must be 10 MB or smaller");
			}
			if (content.length < 5 || content[0] != '%' || content[1] != 'P' || content[2] != 'D' || content[3] != 'F'
					|| content[4] != '-') {
				throw new InvalidInputException("file", "The file is not a PDF: attach the document as a PDF");
			}
			name = fileName == null || fileName.isBlank() ? "evidence.pdf" : fileName.replaceAll("[\\\\/]", "_").strip();
			sha256 = sha256(content);
		}
		return jdbc.sql("insert into authorisation_evidence (application_id, criterion_code, title, url, file_name, content,"
				+ " sha256, added_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(id, criterionCode, title.strip(), link, name, hasFile ? content : null, sha256, username())
			.query(Long.class)
			.single();
	}

	public record Document(String fileName, byte[] content) {
	}

	/** An evidence document, for those who may read the application. */
	@Transactional(readOnly = true)
	public Document document(long id, long evidenceId) {
		checkCanRead(id);
		return jdbc.sql("select file_name, content from authorisation_evidence where id = ? and application_id = ?"
				+ " and content is not null")
			.params(evidenceId, id)
			.query(Document.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No document " + evidenceId));
	}

	/**
	 * Submits the application with the CCG's self-assessment: every criterion assessed at the desktop review or the
	 * site visit needs evidence first (those assessed by the 360 survey alone need none).
	 */
	@Transactional
	public void submit(long id, String selfAssessment) {
		Head head = head(id, true);
		checkIsCcgOrNational(head.ccgCode());
		requireStatus(head, Application.Status.DRAFT, "selfAssessment", "The application was submitted already");
		if (selfAssessment == null || selfAssessment.isBlank()) {
			throw new InvalidInputException("selfAssessment", "Enter the CCG's self-assessment");
		}
		if (selfAssessment.length() > 4000) {
			throw new InvalidInputException("selfAssessment", "The self-assessment must be 4,000 characters or fewer");
		}
		List<String> missing = application(id).criteria()
			.stream()
			.filter(file -> file.needsEvidence() && file.evidence().isEmpty())
			.map(file -> file.criterion().code())
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException("selfAssessment",
					"Add evidence for every criterion first; none yet for " + String.join(", ", missing));
		}
		jdbc.sql("update authorisation_application set status = 'SUBMITTED', self_assessment = ?, submitted_at = ?"
				+ " where id = ?")
			.params(selfAssessment.strip(), java.sql.Timestamp.from(Instant.now(clock)), id)
			.update();
	}

	/** Assigns an assessor (any signed-in account) to a submitted application: NHS England. */
	@Transactional
	public void assign(long id, String username) {
		requireNationalOrSystem();
		Head head = head(id, true);
		requireStatus(head, Application.Status.SUBMITTED, "username", "Assessors are assigned to a submitted application");
		if (username == null || username.isBlank()) {
			throw new InvalidInputException("username", "Enter the assessor's username");
		}
		jdbc.sql("insert into authorisation_assessor (application_id, username) values (?, ?) on conflict do nothing")
			.params(id, username.strip())
			.update();
	}

	/** Whether the signed-in user is one of the application's assessors. */
	public boolean isAssessor(long id) {
		return access.currentUser()
			.map(user -> jdbc.sql("select exists (select 1 from authorisation_assessor where application_id = ?"
					+ " and username = ?)")
				.params(id, user.username())
				.query(Boolean.class)
				.single())
			.orElse(false);
	}

	/** Whether the signed-in user is one of NHS England's. */
	public boolean isNational() {
		return access.currentUser().map(CurrentUser::isNational).orElse(false);
	}

	/** Whether the signed-in user may record recommendations and the site visit: an assessor of it or NHS England. */
	public boolean canAssess(long id) {
		return access.currentUser().map(CurrentUser::isNational).orElse(false) || isAssessor(id);
	}

	/** Refuses, as a 403, a user who may not assess the application. */
	public void checkCanAssess(long id) {
		access.requireUser();
		if (!canAssess(id)) {
			throw new AccessDeniedException("Only the application's assessors and NHS England assess it");
		}
	}

	/** Records (or replaces) an assessor's recommendation on a criterion at a stage, while the application is submitted. */
	@Transactional
	public void recommend(long id, RecommendationForm form) {
		checkCanAssess(id);
		Head head = head(id, true);
		requireStatus(head, Application.Status.SUBMITTED, "met", "Recommendations are made on a submitted application");
		criterion(form.criterionCode());
		jdbc.sql("""
				insert into authorisation_recommendation (application_id, criterion_code, stage, met, note, assessed_by)
				values (?, ?, ?, ?, ?, ?) on conflict (application_id, criterion_code, stage) do update
				set met = excluded.met, note = excluded.note, assessed_by = excluded.assessed_by, assessed_at = now()""")
			.params(id, form.criterionCode(), form.stage().name(), form.met(), form.note().strip(), username())
			.update();
	}

	/** Records the site visit: its date (not before submission) and what it found. */
	@Transactional
	public void recordSiteVisit(long id, SiteVisitForm form) {
		checkCanAssess(id);
		Head head = head(id, true);
		requireStatus(head, Application.Status.SUBMITTED, "visitedOn", "A site visit is recorded on a submitted application");
		jdbc.sql("update authorisation_application set site_visit_on = ?, site_visit_note = ? where id = ?")
			.params(form.visitedOn(), form.note().strip(), id)
			.update();
	}

	/**
	 * Records the panel's decision: a finding on every criterion. Not authorised when the panel says so; otherwise
	 * authorised in full when every criterion is met, else with a condition per criterion not met, with its support
	 * level (directions only at level IV). The outcome and conditions are dated today and published. NHS England.
	 */
	@Transactional
	public OutcomeKind decide(long id, DecisionForm form) {
		requireNationalOrSystem();
		Head head = head(id, true);
		requireStatus(head, Application.Status.SUBMITTED, "findings", "Only a submitted application is decided");
		Framework framework = authorisation.framework(Authorisation.FRAMEWORK_2012_13);
		List<String> codes = framework.domains()
			.stream()
			.flatMap(domain -> domain.criteria().stream())
			.map(Framework.Criterion::code)
			.toList();
		List<String> missing = codes.stream().filter(code -> form.findings().get(code) == null).toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException("findings", "Give the panel's finding on every criterion; none yet for "
					+ String.join(", ", missing));
		}
		boolean notAuthorised = Boolean.TRUE.equals(form.notAuthorised());
		List<Map.Entry<String, FindingChoice>> unmet = codes.stream()
			.map(code -> Map.entry(code, form.findings().get(code)))
			.filter(entry -> !entry.getValue().met())
			.toList();
		OutcomeKind outcome = notAuthorised ? OutcomeKind.NOT_AUTHORISED
				: unmet.isEmpty() ? OutcomeKind.AUTHORISED : OutcomeKind.AUTHORISED_WITH_CONDITIONS;
		if (notAuthorised && unmet.isEmpty()) {
			throw new InvalidInputException("notAuthorised", "A CCG that meets every criterion is authorised");
		}
		LocalDate today = LocalDate.now(clock);
		for (String code : codes) {
			FindingChoice choice = form.findings().get(code);
			jdbc.sql("insert into authorisation_panel_finding (application_id, criterion_code, met, support_level,"
					+ " directions) values (?, ?, ?, ?, ?)")
				.params(id, code, choice.met(), choice.met() ? null : choice.supportLevel().number(), choice.directions())
				.update();
		}
		jdbc.sql("insert into authorisation_outcome (ccg_code, framework_id, wave, outcome, decided_on)"
				+ " values (?, ?, ?, ?, ?)")
			.params(head.ccgCode(), framework.id(), head.wave(), outcome.name(), today)
			.update();
		if (outcome == OutcomeKind.AUTHORISED_WITH_CONDITIONS) {
			for (Map.Entry<String, FindingChoice> entry : unmet) {
				jdbc.sql("insert into authorisation_condition (ccg_code, framework_id, criterion_code, support_level,"
						+ " directions, imposed_on) values (?, ?, ?, ?, ?, ?)")
					.params(head.ccgCode(), framework.id(), entry.getKey(), entry.getValue().supportLevel().number(),
							entry.getValue().directions(), today)
					.update();
			}
		}
		jdbc.sql("update authorisation_application set status = 'DECIDED', decided_on = ? where id = ?")
			.params(today, id)
			.update();
		int conditions = outcome == OutcomeKind.AUTHORISED_WITH_CONDITIONS ? unmet.size() : 0;
		events.publishEvent(new PanelDecided(id, head.ccgCode(), head.wave(), outcome, conditions,
				conditions > 0 && unmet.stream().anyMatch(entry -> entry.getValue().directions())));
		return outcome;
	}

	/** The CCG, its area team and NHS England read an application; so do its assessors, wherever they work. */
	public void checkCanRead(long id) {
		CurrentUser user = access.requireUser();
		String ccg = ccgOf(id).orElseThrow(() -> new NoSuchElementException("No application " + id));
		if (!access.canSee(user, ccg) && !isAssessor(id)) {
			throw new AccessDeniedException("Your account cannot see this application");
		}
	}

	/** Whether the signed-in user may add evidence and submit: the CCG itself or NHS England. */
	public boolean canEdit(String ccgCode) {
		return access.currentUser().map(user -> user.isNational() || ccgCode.equals(user.organisationCode())).orElse(false);
	}

	private void checkIsCcgOrNational(String ccgCode) {
		if (!ActingAs.isSystem() && !canEdit(ccgCode)) {
			access.requireUser();
			throw new AccessDeniedException("Only the CCG itself and NHS England change its application");
		}
	}

	private void criterion(String code) {
		boolean known = authorisation.framework(Authorisation.FRAMEWORK_2012_13)
			.domains()
			.stream()
			.flatMap(domain -> domain.criteria().stream())
			.anyMatch(criterion -> criterion.code().equals(code));
		if (!known) {
			throw new InvalidInputException("criterionCode", "Choose a criterion from the list");
		}
	}

	private static void requireStatus(Head head, Application.Status status, String field, String message) {
		if (head.status() != status) {
			throw new InvalidInputException(field, message);
		}
	}

	private void requireNationalOrSystem() {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
	}

	private String username() {
		return ActingAs.isSystem() ? ActingAs.SYSTEM : access.requireUser().username();
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
