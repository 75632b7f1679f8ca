package org.cocommission.workforce.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.workforce.MeasureRow;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CCGs' planning targets for staff ratios and the gap against them per practice, in total and month by month
 * (docs/domain-rules.md#workforce, "Planning"). A CCG's targets are read by whoever can see the CCG, and set by its own
 * users and NHS England's national users.
 */
@Service
@Transactional(readOnly = true)
public class WorkforceTargets {

	private final JdbcClient jdbc;

	private final WorkforceMeasures measures;

	private final Directory directory;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	WorkforceTargets(JdbcClient jdbc, WorkforceMeasures measures, Directory directory, AccessPolicy access,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.measures = measures;
		this.directory = directory;
		this.access = access;
		this.events = events;
	}

	/** The CCG's targets in force, in the order of the measures. */
	public List<WorkforceTarget> targets(String ccg) {
		access.checkCanSee(ccg);
		return jdbc.sql("""
				select distinct on (measure) ccg_code, measure, target, set_by, set_at from workforce_target
				where ccg_code = ? order by measure, id desc
				""")
			.param(ccg)
			.query(WorkforceTarget.class)
			.list()
			.stream()
			.filter(target -> target.target() != null)
			.sorted(java.util.Comparator.comparing(WorkforceTarget::measure))
			.toList();
	}

	public Optional<WorkforceTarget> target(String ccg, WorkforceMeasure measure) {
		return targets(ccg).stream().filter(target -> target.measure() == measure).findFirst();
	}

	/** The day the CCG closed, if it has closed by today (its successor, after a merger, sets targets instead). */
	public Optional<LocalDate> closedOn(String ccg) {
		return directory.find(ccg)
			.map(OrganisationDetails::closeDate)
			.filter(closed -> closed.isBefore(LocalDate.now(clock)));
	}

	/** Whether the signed-in user may set the CCG's targets: its own users and national users. */
	public boolean canSet(String ccg) {
		return access.currentUser()
			.map(user -> user.isNational() || (user.role() == Role.CCG && ccg.equals(user.organisationCode())))
			.orElse(false);
	}

	/** Sets the CCG's target for a staff ratio (a new row; the previous one stays in the history). */
	@Transactional
	public WorkforceTarget set(String ccg, TargetForm form) {
		CurrentUser user = access.requireUser();
		if (!canSet(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England set its workforce targets");
		}
		if (directory.find(ccg).isEmpty()) {
			throw new InvalidInputException("ccg", "No CCG " + ccg + " in the directory");
		}
		Optional<LocalDate> closed = closedOn(ccg);
		if (closed.isPresent()) {
			// A closed organisation's history is read, never written (docs/domain-rules.md, "Identity and access").
			throw new InvalidInputException("ccg", ccg + " closed on " + closed.get().format(DAY)
					+ ": its workforce targets are kept as history, and no new one can be set");
		}
		if (!form.measure().targetable()) {
			throw new InvalidInputException("measure",
					"Choose a staff ratio per 10,000 registered or weighted patients");
		}
		BigDecimal before = target(ccg, form.measure()).map(WorkforceTarget::target).orElse(null);
		BigDecimal target = form.target().setScale(2, RoundingMode.HALF_UP);
		jdbc.sql("insert into workforce_target (ccg_code, measure, target, set_by) values (?, ?, ?, ?)")
			.params(ccg, form.measure().name(), target, user.username())
			.update();
		events.publishEvent(new WorkforceTargetSet(ccg, form.measure(), before, target));
		return target(ccg, form.measure()).orElseThrow();
	}

	/** The CCG's gap against its target for the measure in the month, per practice, in total and over time. */
	public WorkforcePlan plan(String ccg, WorkforceMeasure measure, YearMonth month) {
		access.checkCanSee(ccg);
		if (!measure.targetable()) {
			throw new InvalidInputException("measure", "Choose a staff ratio per 10,000 registered or weighted patients");
		}
		BigDecimal target = target(ccg, measure).map(WorkforceTarget::target).orElse(null);
		String name = directory.find(ccg).map(OrganisationDetails::name).orElse(ccg);
		List<WorkforcePlan.Gap> practices = month == null ? List.of()
				: measures.practicesOf(measure, ccg, month)
					.stream()
					.map(row -> gap(row, month.toString(), target, measure))
					.toList();
		WorkforcePlan.Gap total = month == null ? null
				: gap(WorkforceMeasures.aggregateRows(measure, ccg, name, measures.practicesOf(measure, ccg, month)),
						month.toString(), target, measure);
		List<WorkforcePlan.Gap> overTime = new ArrayList<>();
		for (YearMonth each : measures.months()) {
			MeasureRow row = WorkforceMeasures.aggregateRows(measure, ccg, name, measures.practicesOf(measure, ccg, each));
			if (row.practices() > 0) {
				overTime.add(gap(row, each.toString(), target, measure));
			}
		}
		return new WorkforcePlan(ccg, name, measure, target, month == null ? null : month.toString(), practices, total,
				overTime);
	}

	/** The gap of one row: the FTE the target asks for over the row's patients, less the FTE it has. */
	static WorkforcePlan.Gap gap(MeasureRow row, String month, BigDecimal target, WorkforceMeasure measure) {
		if (row.withheld() || row.value() == null || target == null) {
			return new WorkforcePlan.Gap(row.orgCode(), row.orgName(), month, row.withheld() ? null : row.numerator(),
					row.denominator(), row.value(), null, null, row.withheld());
		}
		BigDecimal targetFte = target.multiply(row.denominator())
			.divide(BigDecimal.valueOf(measure.scale()), 2, RoundingMode.HALF_UP);
		return new WorkforcePlan.Gap(row.orgCode(), row.orgName(), month, row.numerator(), row.denominator(),
				row.value(), targetFte, targetFte.subtract(row.numerator()).setScale(2, RoundingMode.HALF_UP), false);
	}
}
