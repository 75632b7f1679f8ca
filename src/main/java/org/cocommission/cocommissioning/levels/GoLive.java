package org.cocommission.cocommissioning.levels;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.ApplicationTransitioned;
import org.cocommission.cocommissioning.ApplicationTransitioned.WentLive;
import org.cocommission.cocommissioning.CommissioningLevelChanged;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Transition;
import org.cocommission.cocommissioning.applications.ApplicationState;
import org.cocommission.cocommissioning.applications.ApplicationStore;
import org.cocommission.identity.ActingAs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts approved arrangements live on their round's go-live date (in England): a daily job on one instance at a time,
 * and a catch-up at start-up for days the application was not running, both as the system. Idempotent: only
 * applications still decided and approved move, and a CCG's level from a date is recorded once. Each go-live is
 * published as {@link ApplicationTransitioned} (audited and notified) and {@link CommissioningLevelChanged}.
 */
@Component
@Order(40)
public class GoLive implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GoLive.class);

	private final JdbcClient jdbc;

	private final ApplicationStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	GoLive(JdbcClient jdbc, ApplicationStore store, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		daily();
	}

	@Scheduled(cron = "${cocommission.cocommissioning.go-live-cron:0 5 0 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "cocommissioning-go-live", lockAtMostFor = "PT30M")
	void daily() {
		int live = goLiveDue();
		if (live > 0) {
			log.info("Put {} co-commissioning arrangements live", live);
		}
	}

	/**
	 * Puts live every approved arrangement whose go-live date has come, each in its own transaction, as the system
	 * (whoever calls it); answers how many went live.
	 */
	public int goLiveDue() {
		return ActingAs.system(this::goLiveDueNow);
	}

	private int goLiveDueNow() {
		LocalDate today = LocalDate.now(clock.withZone(Round.LONDON));
		List<Long> due = jdbc.sql("select a.id from cocommissioning_application a join cocommissioning_round r"
				+ " on r.id = a.round_id where a.status = 'DECIDED' and a.decision in ('APPROVED', 'APPROVED_WITH_CONDITIONS')"
				+ " and r.go_live_on <= ? order by a.id")
			.param(today)
			.query(Long.class)
			.list();
		for (long id : due) {
			try {
				transaction.executeWithoutResult(status -> goLive(id));
			}
			catch (OptimisticLockingFailureException ex) {
				// Another instance's start-up catch-up moved it first: it is live either way.
				log.debug("Application {} went live elsewhere", id);
			}
		}
		return due.size();
	}

	private void goLive(long id) {
		ApplicationState before = store.state(id);
		if (before.status() != ApplicationStatus.DECIDED) {
			return;
		}
		ApplicationState after = before.apply(Transition.GO_LIVE, null);
		LocalDate goLiveOn = jdbc.sql("select go_live_on from cocommissioning_round where id = ?")
			.param(before.roundId())
			.query(LocalDate.class)
			.single();
		// In words, as every date on a page (issue 22: the history showed 2015-04-01).
		String comment = "Went live on " + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
			.format(goLiveOn);
		long historyId = store.move(before, after, ActingAs.SYSTEM, comment);
		jdbc.sql("insert into cocommissioning_level (ccg_code, level, from_date, application_id) values (?, ?, ?, ?)"
				+ " on conflict (ccg_code, from_date) do update set level = excluded.level,"
				+ " application_id = excluded.application_id")
			.params(before.ccgCode(), before.level().name(), goLiveOn, id)
			.update();
		events.publishEvent(new ApplicationTransitioned(id, before.roundId(), before.ccgCode(), before.level(),
				Transition.GO_LIVE, before.status(), after.status(), comment, historyId,
				new WentLive(after.status(), before.level(), goLiveOn)));
		events.publishEvent(new CommissioningLevelChanged(before.ccgCode(), before.level(), goLiveOn, id));
	}
}
