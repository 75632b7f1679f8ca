package org.cocommission.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.GiftsAndHospitalityThresholds.GiftKind;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.CommitteeMember;
import org.cocommission.governance.GovernanceRequests.NewCommittee;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.NewGift;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewLink;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.NewPerson;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceRequests.SensitiveMarking;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.Vote;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.Duty;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties.DutyGrant;
import org.cocommission.identity.UserDuties;
import org.cocommission.platform.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic governance for every CCG of the demo directory, built through the governance API: a governing body and a
 * primary care commissioning committee with plausible members, their links and declarations (GP partners of member
 * practices among them), gifts, a few overdue declarations, and past meetings in which conflicts arose and were
 * handled. The demo CCG user {@code ccg-<code>} is its CCG's governance lead and conflict of interest guardian.
 */
@Component
@Order(10)
public class GovernanceDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GovernanceDemo.class);

	private static final String[] FIRST = { "Amira", "Ben", "Catherine", "David", "Eleanor", "Farid", "Grace", "Harry",
			"Imran", "Joanna", "Kwame", "Lucy", "Mohammed", "Niamh", "Oliver", "Priya", "Rachel", "Samuel", "Tariq",
			"Una", "Victoria", "William", "Yasmin", "Zoe" };

	private static final String[] LAST = { "Ahmed", "Barnes", "Clarke", "Davies", "Evans", "Fletcher", "Green",
			"Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nolan", "Owen", "Patel", "Roberts", "Shah",
			"Taylor", "Walker", "Wright", "Young" };

	private final Governance governance;

	private final Directory directory;

	private final UserDuties duties;

	private final UserAccounts accounts;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	GovernanceDemo(Governance governance, Directory directory, UserDuties duties, UserAccounts accounts,
			PlatformTransactionManager transactions, @Value("${cocommission.demo:false}") boolean enabled) {
		this.transaction = new TransactionTemplate(transactions);
		this.governance = governance;
		this.directory = directory;
		this.duties = duties;
		this.accounts = accounts;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (enabled) {
			loadUnlessPresent();
		}
	}

	/** Loads the governance demo when the directory is the synthetic one and has no governance data yet. */
	public boolean loadUnlessPresent() {
		if (!directory.isSynthetic() || governance.hasAnyData()) {
			return false;
		}
		long started = System.nanoTime();
		LocalDate today = directory.today();
		List<OrganisationSummary> ccgs = directory
			.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 1000)
			.items();
		List<DutyGrant> grants = new ArrayList<>();
		// CCGs are independent, so they load in parallel; each has its own seed, so the data does not depend on order.
		// The work is short statements, so four connections keep two cores busy while each waits for its round trip
		// (measured: faster than two). No statistics until the end: taken after a few CCGs they would tell the planner
		// that one CCG code matches every row, and it would scan whole tables for each look-up.
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<String> loaded = new ArrayList<>();
		try {
			List<Future<Boolean>> loads = new ArrayList<>();
			for (OrganisationSummary ccg : ccgs) {
				loads.add(pool.submit(() -> loadCcg(ccg, today)));
			}
			for (int index = 0; index < ccgs.size(); index++) {
				if (loads.get(index).get()) {
					loaded.add(ccgs.get(index).code());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading the governance demo", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The governance demo failed to load", ex.getCause());
		}
		finally {
			pool.shutdown();
		}
		governance.analyseAfterBulkLoad();
		for (String code : loaded) {
			String username = "ccg-" + code.toLowerCase(Locale.ROOT);
			if (accounts.find(username).isPresent()) {
				grants.add(new DutyGrant(username, Duty.GOVERNANCE_LEAD, code));
				grants.add(new DutyGrant(username, Duty.CONFLICT_OF_INTEREST_GUARDIAN, code));
			}
		}
		duties.grantAtStartUp(grants);
		log.info("Demo data: governance for {} CCGs in {} ms", ccgs.size(), (System.nanoTime() - started) / 1_000_000);
		return true;
	}

	/** One CCG in one transaction (one commit); false when it has too few practices for the story. */
	private boolean loadCcg(OrganisationSummary ccg, LocalDate today) {
		List<OrganisationSummary> practices = directory.children(ccg.code(), today)
			.stream()
			.filter(child -> child.type() == OrganisationType.GP_PRACTICE)
			.toList();
		if (practices.size() < 4) {
			return false;
		}
		transaction.executeWithoutResult(
				status -> load(ccg, practices, new Random(20150401L + ccg.code().hashCode()), today));
		return true;
	}

	private String name(Random random, String prefix) {
		return prefix + FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
	}

	private void load(OrganisationSummary ccg, List<OrganisationSummary> practices, Random random, LocalDate today) {
		String code = ccg.code();
		LocalDate joined = LocalDate.of(2013, 4, 1);
		String trust = LAST[random.nextInt(LAST.length)] + " Hospitals NHS Foundation Trust";
		String federation = LAST[random.nextInt(LAST.length)] + " GP Federation Ltd";
		List<NewPerson> people = List.of(
				new NewPerson(name(random, ""), MemberRole.LAY_MEMBER, null,
						"Lay member for audit; conflict of interest guardian", null, joined),
				new NewPerson(name(random, ""), MemberRole.LAY_MEMBER, null, "Lay member for patient and public involvement",
						null, joined),
				new NewPerson(name(random, ""), MemberRole.LAY_MEMBER, null, "Lay member", null, joined),
				new NewPerson(name(random, "Dr "), MemberRole.GP_MEMBER, null, "Clinical chair", null, joined),
				new NewPerson(name(random, "Dr "), MemberRole.GP_MEMBER, null, "GP member", null, joined),
				new NewPerson(name(random, "Dr "), MemberRole.GP_MEMBER, null, "GP member", null, joined),
				new NewPerson(name(random, ""), MemberRole.EXECUTIVE, null, "Accountable officer", null, joined),
				new NewPerson(name(random, ""), MemberRole.EXECUTIVE, null, "Chief finance officer", null, joined),
				new NewPerson(name(random, "Dr "), MemberRole.SECONDARY_CARE_DOCTOR, null, "Secondary care doctor", null,
						joined),
				new NewPerson(name(random, ""), MemberRole.NURSE, null, "Registered nurse", null, joined),
				new NewPerson(name(random, ""), MemberRole.HEALTHWATCH, null, "Healthwatch representative", null, joined),
				new NewPerson(name(random, "Cllr "), MemberRole.LOCAL_AUTHORITY, null, "Health and wellbeing board", null,
						joined));
		List<Long> ids = governance.addPeople(code, people);
		long guardian = ids.get(0);
		long layChair = ids.get(1);
		long gp1 = ids.get(3);
		long gp2 = ids.get(4);
		long gp3 = ids.get(5);
		long accountable = ids.get(6);
		long finance = ids.get(7);
		long secondary = ids.get(8);
		OrganisationSummary p1 = practices.get(0);
		OrganisationSummary p2 = practices.get(1);
		OrganisationSummary p3 = practices.get(2);
		OrganisationSummary p4 = practices.get(3);
		LocalDate since = LocalDate.of(2009 + random.nextInt(4), 4, 1);
		String managed = "Leaves the meeting for items about the practice";
		Map<Long, List<NewLink>> links = new LinkedHashMap<>();
		Map<Long, List<NewDeclaration>> declarations = new LinkedHashMap<>();
		for (Object[] partner : new Object[][] { { gp1, p1 }, { gp2, p2 }, { gp3, p3 } }) {
			long person = (Long) partner[0];
			OrganisationSummary practice = (OrganisationSummary) partner[1];
			links.computeIfAbsent(person, id -> new ArrayList<>())
				.add(new NewLink(LinkRelationship.PARTNER, practice.code(), null, null, since, null));
			declarations.computeIfAbsent(person, id -> new ArrayList<>())
				.add(new NewDeclaration(InterestCategory.FINANCIAL, "GP partner at " + practice.name(), practice.code(), null,
						since, null, managed));
		}
		links.get(gp2).add(new NewLink(LinkRelationship.SALARIED_GP, p4.code(), null, "spouse", since, null));
		declarations.get(gp2).add(new NewDeclaration(InterestCategory.INDIRECT, "Spouse is a salaried GP at " + p4.name(),
				p4.code(), null, since, null, "Does not vote on items about the practice"));
		links.get(gp3).add(new NewLink(LinkRelationship.DIRECTOR, null, federation, null, LocalDate.of(2014, 10, 1), null));
		declarations.get(gp3).add(new NewDeclaration(InterestCategory.FINANCIAL, "Director of " + federation, null,
				federation, LocalDate.of(2014, 10, 1), null, "Excluded from procurement decisions involving the federation"));
		links.put(secondary, List.of(new NewLink(LinkRelationship.EMPLOYEE, null, trust, null, LocalDate.of(2005, 8, 1), null)));
		declarations.put(secondary, List.of(new NewDeclaration(InterestCategory.FINANCIAL, "Consultant employed by " + trust,
				null, trust, LocalDate.of(2005, 8, 1), null, "Excluded from decisions on the trust's contracts")));
		governance.addLinks(code, links);
		declarations.put(guardian, List.of(new NewDeclaration(InterestCategory.NON_FINANCIAL_PERSONAL,
				"Trustee of a local domestic abuse charity", null, "Local domestic abuse charity", LocalDate.of(2012, 1, 1),
				null, "None required")));
		List<Long> declared = governance.declareAll(code, declarations);
		long sensitive = declared.get(declared.size() - 1);
		governance.markSensitive(code, sensitive, new SensitiveMarking(true,
				"Publishing would put the member at risk (guardian's decision)", 0));
		// Everyone returned this year, except a few who last did over a year ago: overdue.
		Map<Long, LocalDate> returns = new HashMap<>();
		for (int index = 0; index < ids.size(); index++) {
			boolean overdue = index == 2 || index == 9 && random.nextInt(3) == 0;
			returns.put(ids.get(index), overdue ? today.minusMonths(14) : today.minusDays(30 + random.nextInt(200)));
		}
		governance.recordReturns(code, returns);
		Map<Long, List<NewGift>> gifts = new HashMap<>();
		gifts.put(finance, List.of(new NewGift(GiftKind.HOSPITALITY, false, "NHS Confederation", "Conference dinner",
				Money.ofPounds(45), today.minusDays(80), true, false),
				new NewGift(GiftKind.GIFT, true, "Medical supplies Ltd", "Branded pen", Money.ofPounds(4), today.minusDays(50),
						true, false)));
		gifts.put(accountable, List.of(random.nextInt(5) == 0
				? new NewGift(GiftKind.HOSPITALITY, true, "Software supplier Ltd", "Hospitality at a sports event",
						Money.ofPounds(120), today.minusDays(40), true, false)
				: new NewGift(GiftKind.HOSPITALITY, true, "Software supplier Ltd", "Hospitality at a sports event",
						Money.ofPounds(120), today.minusDays(40), false, false)));
		governance.recordGifts(code, gifts);

		List<CommitteeMember> everyone = ids.stream().map(id -> new CommitteeMember(id, null)).toList();
		long governingBody = governance.createCommittee(code, new NewCommittee("Governing body", CommitteeKind.GOVERNING_BODY,
				5, 1, 2, 1, false, false, gp1, layChair, everyone));
		List<CommitteeMember> pccMembers = List.of(ids.get(0), ids.get(1), ids.get(2), gp1, gp2, gp3, accountable, finance,
				ids.get(9), ids.get(10), ids.get(11)).stream().map(id -> new CommitteeMember(id, null)).toList();
		long pcc = governance.createCommittee(code, new NewCommittee("Primary care commissioning committee",
				CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE, 4, 1, 1, 1, true, true, layChair, guardian, pccMembers));

		long merger = governance.createMeeting(code, new NewMeeting(pcc, today.minusDays(60), "Primary care commissioning committee",
				List.of(new NewItem("Merger of " + p1.name() + " and " + p4.name(), ItemKind.DECISION, false,
						List.of(new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, p1.code(), null),
								new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, p4.code(), null))),
						new NewItem("Primary care quality dashboard", ItemKind.INFORMATION, false, List.of()))));
		MeetingView meeting = governance.meeting(merger);
		ItemView mergerItem = meeting.items().get(0);
		governance.recordVotes(mergerItem.id(), List.of(guardian, layChair, ids.get(2), gp3, accountable, finance, ids.get(9))
			.stream()
			.map(voter -> new CastVote(voter, Vote.FOR))
			.toList());
		governance.recordOutcome(mergerItem.id(), new Outcome(ItemStatus.APPROVED,
				"Merger approved; list and contract transfer from the first day of next quarter", null, mergerItem.version()));
		ItemView information = meeting.items().get(1);
		governance.recordOutcome(information.id(), new Outcome(ItemStatus.NOTED, "Noted", null, information.version()));
		// The committee approved these minutes at its next meeting, which published them.
		governance.approveMinutes(merger);

		long procurement = governance.createMeeting(code, new NewMeeting(governingBody, today.minusDays(30), "Governing body",
				List.of(new NewItem("Extended access to general practice: award of contract", ItemKind.DECISION, true,
						List.of(new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, null, federation))))));
		ItemView award = governance.meeting(procurement).items().get(0);
		// The federation's director has left for the item; everyone else with a vote votes.
		governance.recordVotes(award.id(), List.of(guardian, layChair, ids.get(2), gp1, gp2, accountable, finance, secondary,
				ids.get(9)).stream().map(voter -> new CastVote(voter, Vote.FOR)).toList());
		governance.recordOutcome(award.id(), new Outcome(ItemStatus.APPROVED,
				"Contract awarded to " + federation + " after open procurement", null, award.version()));
	}
}
