package org.cocommission.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.contracts.CaseKind;
import org.cocommission.contracts.Commissioners;
import org.cocommission.contracts.ContractAmendment;
import org.cocommission.contracts.ContractCases;
import org.cocommission.contracts.NewCase;
import org.cocommission.contracts.ResponsibleCommissioner;
import org.cocommission.contracts.ContractRegister;
import org.cocommission.contracts.ContractType;
import org.cocommission.contracts.ContractorKind;
import org.cocommission.contracts.Payments;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.Attendance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.ItemDeclaration;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.LinkView;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.Vote;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Synthetic GP contracts and three years of NHS Payments to General Practice (2014/15 to 2016/17) for every demo
 * practice, loaded through the real payments importer in the published 2014/15 layout. Deterministic (fixed seed), with
 * the national mix of 2014/15 scaled to the demo's practices (4,480 GMS, 3,190 PMS, 289 APMS of 7,959), a PMS premium
 * of about £13.52 a weighted patient, some PMS practices moving to GMS after the PMS reviews, and APMS contracts with
 * five-year terms, some ending within the next 12 months.
 */
@Component
@Order(60)
public class ContractsDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ContractsDemo.class);

	static final List<FinancialYear> YEARS = List.of(new FinancialYear(2014), new FinancialYear(2015),
			new FinancialYear(2016));

	private static final String HEADER = "\uFEFFNHS England (Region) code,NHS England (Region) Name,CCG Code,CCG NAME,"
			+ "Practice Code,Practice Name,Practice Address,Practice Postcode,Practice Open Date,Practice Close Date,"
			+ "Contract Type,Dispensing Practice,Quarter used for patient data,"
			+ "Number of Registered Patients (Last Known Figure),Number of Weighted Patients (Last Known Figure),"
			+ "Average payments per registered patient,Average payments per weighted patient,Global Sum,"
			+ "MPIG Correction factor,Balance of PMS Expenditure,Total QOF Payments,Total National Enhanced Services,"
			+ "Total Local Enhanced Services,Premises Payments,Seniority,Dispensing Fee Payments,Other Payments,"
			+ "Total NHS Payments to General Practice,\"Deductions for Pensions, Levies and Prescription Charge Income\","
			+ "Total NHS Payments to General Practice Minus Deductions\n";

	private final boolean enabled;

	private final Directory directory;

	private final Payments payments;

	private final ContractRegister register;

	private final ContractCases cases;

	private final Commissioners commissioners;

	private final Governance governance;

	ContractsDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory, Payments payments,
			ContractRegister register, ContractCases cases, Commissioners commissioners, Governance governance) {
		this.governance = governance;
		this.cases = cases;
		this.commissioners = commissioners;
		this.enabled = enabled;
		this.directory = directory;
		this.payments = payments;
		this.register = register;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (enabled && directory.isSynthetic()) {
			ActingAs.system(this::loadUnlessPresent);
		}
	}

	boolean loadUnlessPresent() {
		if (!payments.years().isEmpty()) {
			return false;
		}
		long started = System.nanoTime();
		List<Practice> practices = practices();
		if (practices.isEmpty()) {
			return false;
		}
		Random random = new Random(2014_15L);
		Map<String, ContractType> types = nationalMix(practices, random);
		long paying = System.nanoTime();
		for (FinancialYear year : YEARS) {
			if (!year.equals(YEARS.get(0))) {
				afterPmsReviews(types, random);
			}
			byte[] csv = paymentsCsv(year, practices, types, new Random(year.startYear())).getBytes(StandardCharsets.UTF_8);
			payments.importFile(year, "demo-nhs-payments-to-general-practice-" + year.toString().replace('/', '-')
					+ ".csv", new ByteArrayInputStream(csv));
		}
		// the register as of the last year's file: it is fed after each import's commit, so wait for it here
		payments.feedRegister();
		long paid = System.nanoTime();
		int amended = contractDetails(practices, types, random);
		int opened = cases(practices, types);
		log.info("Synthetic GP contracts: {} practices, payments for {} years (with the register fed from them, {} ms),"
				+ " {} contracts with details, {} cases, in {} ms", practices.size(), YEARS.size(),
				(paid - paying) / 1_000_000, amended, opened, (System.nanoTime() - started) / 1_000_000);
		return true;
	}

	/** A demo practice with its CCG and area team as the directory has them on 1 April 2014. */
	record Practice(String code, String name, String postcode, long listSize, OrganisationRef ccg,
			OrganisationRef areaTeam) {
	}

	private List<Practice> practices() {
		LocalDate date = YEARS.get(0).firstDay();
		List<Practice> practices = new ArrayList<>();
		for (OrganisationSummary ccg : directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0,
				1000).items()) {
			OrganisationRef areaTeam = directory.parentChain(ccg.code(), date)
				.stream()
				.filter(ref -> ref.type() == OrganisationType.AREA_TEAM)
				.findFirst()
				.orElse(new OrganisationRef("Q99", "AREA TEAM", OrganisationType.AREA_TEAM));
			for (OrganisationSummary practice : directory.children(ccg.code(), date)) {
				if (practice.type() == OrganisationType.GP_PRACTICE && "GP practice".equals(practice.practiceType())) {
					practices.add(new Practice(practice.code(), practice.name(), practice.postcode(),
							practice.listSize() == null ? 0 : practice.listSize(),
							new OrganisationRef(ccg.code(), ccg.name(), OrganisationType.CCG), areaTeam));
				}
			}
		}
		return practices;
	}

	/** The 2014/15 national shares (289 APMS and 3,190 PMS of 7,959) scaled to the demo's practices; the rest GMS. */
	static Map<String, ContractType> nationalMix(List<Practice> practices, Random random) {
		List<String> codes = new ArrayList<>(practices.stream().map(Practice::code).sorted().toList());
		Collections.shuffle(codes, random);
		int apms = (int) Math.round(codes.size() * 289.0 / 7959);
		int pms = (int) Math.round(codes.size() * 3190.0 / 7959);
		Map<String, ContractType> types = new HashMap<>();
		for (int i = 0; i < codes.size(); i++) {
			types.put(codes.get(i), i < apms ? ContractType.APMS : i < apms + pms ? ContractType.PMS : ContractType.GMS);
		}
		return types;
	}

	/** After the PMS reviews about one PMS practice in forty moves to GMS each year. */
	private static void afterPmsReviews(Map<String, ContractType> types, Random random) {
		types.keySet().stream().sorted().forEach(code -> {
			if (types.get(code) == ContractType.PMS && random.nextDouble() < 0.025) {
				types.put(code, ContractType.GMS);
			}
		});
	}

	/** One year's file: payments per weighted patient around £128 (GMS), £13.52 more for PMS, APMS more spread. */
	private static String paymentsCsv(FinancialYear year, List<Practice> practices, Map<String, ContractType> types,
			Random random) {
		StringBuilder csv = new StringBuilder(HEADER);
		double growth = Math.pow(1.02, year.startYear() - 2014);
		for (Practice practice : practices) {
			ContractType type = types.get(practice.code());
			long registered = practice.listSize() > 0 ? practice.listSize() : 3000 + random.nextInt(9000);
			registered = Math.max(500, Math.round(registered * (1 + (year.startYear() - 2014) * 0.01)));
			long weighted = Math.round(registered * (0.85 + random.nextDouble() * 0.3));
			double perWeighted = growth * switch (type) {
				case GMS -> 128 + random.nextGaussian() * 12;
				case PMS -> 141.52 + random.nextGaussian() * 14;
				default -> 150 + random.nextGaussian() * 25;
			};
			long total = Math.round(weighted * Math.max(80, perWeighted));
			boolean dispensing = random.nextDouble() < 0.12;
			long dispensingFees = dispensing ? Math.round(total * 0.08) : 0;
			long core = Math.round(total * 0.62);
			long globalSum = type == ContractType.PMS ? 0 : core;
			long pmsBalance = type == ContractType.PMS ? core : 0;
			long mpig = type == ContractType.GMS && random.nextDouble() < 0.3 ? Math.round(total * 0.03) : 0;
			long qof = Math.round(total * 0.13);
			long national = Math.round(total * 0.05);
			long local = Math.round(total * 0.03);
			long premises = Math.round(total * 0.07);
			long seniority = type == ContractType.APMS ? 0 : Math.round(total * 0.01);
			long other = total - globalSum - pmsBalance - mpig - qof - national - local - premises - seniority
					- dispensingFees;
			long deductions = -Math.round(total * 0.11);
			csv.append(String.join(",", practice.areaTeam().code(), quoted(practice.areaTeam().name()),
					practice.ccg().code(), quoted(practice.ccg().name()), practice.code(), quoted(practice.name()),
					quoted(practice.name()), quoted(practice.postcode() == null ? "" : practice.postcode()), "-", "-",
					type.name(), dispensing ? "Yes" : "No", "Q2", String.valueOf(registered), String.valueOf(weighted),
					per(total, registered), per(total, weighted), String.valueOf(globalSum), String.valueOf(mpig),
					String.valueOf(pmsBalance), String.valueOf(qof), String.valueOf(national), String.valueOf(local),
					String.valueOf(premises), String.valueOf(seniority), String.valueOf(dispensingFees),
					String.valueOf(other), String.valueOf(total), String.valueOf(deductions),
					String.valueOf(total + deductions)))
				.append('\n');
		}
		return csv.toString();
	}

	private static String per(long total, long patients) {
		return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(patients), 2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	/**
	 * Every APMS contract with its company, five-year term and director, one in five ending within the next 12 months;
	 * and the first practices of each other type with their partners and start date.
	 */
	private int contractDetails(List<Practice> practices, Map<String, ContractType> types, Random random) {
		LocalDate today = directory.today();
		String[] surnames = { "Ahmed", "Brown", "Chaudhry", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal",
				"Jones", "Khan", "Lewis", "Morgan", "Nolan", "Owen", "Patel", "Roberts", "Shah", "Taylor", "Walker" };
		int amended = 0;
		int others = 0;
		for (Practice practice : practices.stream().sorted(java.util.Comparator.comparing(Practice::code)).toList()) {
			ContractType type = types.get(practice.code());
			boolean apms = type == ContractType.APMS;
			if (!apms && others >= 200) {
				continue;
			}
			var contract = register.find(practice.code()).orElse(null);
			if (contract == null) {
				continue;
			}
			LocalDate start;
			LocalDate end = null;
			if (apms) {
				end = random.nextDouble() < 0.2 ? today.plusDays(30 + random.nextInt(330))
						: today.plusMonths(13 + random.nextInt(36));
				start = end.minusYears(5).plusDays(1);
			}
			else {
				start = LocalDate.of(2004, 4, 1).plusMonths(random.nextInt(12) * (type == ContractType.PMS ? 3 : 0));
				others++;
			}
			register.amend(practice.code(), new ContractAmendment(type,
					apms ? ContractorKind.COMPANY : random.nextDouble() < 0.12 ? ContractorKind.INDIVIDUAL
							: ContractorKind.PARTNERSHIP,
					start, end, true, random.nextDouble() < 0.7, random.nextDouble() < 0.12, quoted(practice.name())
						.replace("\"", "") + (practice.postcode() == null ? "" : ", " + practice.postcode()),
					start, apms ? "APMS contract awarded after procurement" : "Contract details recorded",
					contract.version()));
			int people = apms ? 1 : 1 + random.nextInt(4);
			for (int i = 0; i < people; i++) {
				register.addParty(practice.code(), "Dr " + (char) ('A' + random.nextInt(26)) + " "
						+ surnames[random.nextInt(surnames.length)], apms ? "DIRECTOR" : "PARTNER", null, start);
			}
			amended++;
		}
		return amended;
	}

	/**
	 * Cases of every kind in every state, in practices NHS England's area team decides for today (their CCG holds
	 * neither joint nor delegated commissioning): some just received, some overdue, acknowledged, approved, refused
	 * and withdrawn; and, in a delegated CCG, cases its committee decided with a conflicted GP member excluded, and one
	 * on its next agenda.
	 */
	private int cases(List<Practice> practices, Map<String, ContractType> types) {
		LocalDate today = directory.today();
		List<Practice> byCode = practices.stream().sorted(java.util.Comparator.comparing(Practice::code)).toList();
		List<Practice> areaDecides = new ArrayList<>();
		for (Practice practice : byCode) {
			if (areaDecides.size() >= 12) {
				break;
			}
			if (commissioners.on(practice.code(), today).body() == ResponsibleCommissioner.Body.AREA_TEAM) {
				areaDecides.add(practice);
			}
		}
		int opened = 0;
		if (areaDecides.size() >= 12) {
			String a = areaDecides.get(0).code();
			long received = cases.open(a, closure("List closure: recruitment gap", today.minusDays(2)));
			long overdue = cases.open(areaDecides.get(1).code(), closure("List closure: premises works", today.minusDays(10)));
			long acknowledged = cases.open(areaDecides.get(2).code(), closure("List closure: list growth", today.minusDays(5)));
			cases.acknowledge(acknowledged, 0, today.minusDays(3));
			long refused = cases.open(areaDecides.get(3).code(), closure("List closure: six months", today.minusDays(20)));
			cases.acknowledge(refused, 0, today.minusDays(17));
			cases.decide(refused, 1, false, "Refused: neighbouring practices cannot absorb the demand", today.minusDays(1));
			long merger = cases.open(areaDecides.get(4).code(), new NewCase(CaseKind.MERGER,
					"Merger with " + areaDecides.get(5).name(), today.minusDays(40), areaDecides.get(5).code(),
					today.plusMonths(2).withDayOfMonth(1), null, null, false, "Business case: one site, shared workforce"));
			cases.decide(merger, 0, true, "Approved: the business case shows better access", today.minusDays(2));
			long variation = cases.open(areaDecides.get(6).code(), new NewCase(CaseKind.VARIATION,
					"New partner joins the partnership", today.minusDays(6), null, today.plusDays(25), null, null, false, null));
			long remedial = cases.open(areaDecides.get(7).code(), new NewCase(CaseKind.REMEDIAL_NOTICE,
					"Core hours not met", today.minusDays(3), null, null, null, today.plusDays(25), false, null));
			long breach = cases.open(areaDecides.get(8).code(), new NewCase(CaseKind.BREACH_NOTICE,
					"Breach of the contract's access terms", today.minusDays(1), null, null, null, null, false, null));
			long pms = cases.open(areaDecides.get(9).code(), new NewCase(CaseKind.PMS_REVIEW,
					"PMS review: premium reinvested in extended hours", today.minusDays(30), null, null, null, null, false,
					"Premium of £14.10 per weighted patient; reinvestment agreed in extended hours"));
			cases.decide(pms, 0, true, "Reinvestment agreed", today.minusDays(4));
			long withdrawn = cases.open(areaDecides.get(10).code(), new NewCase(CaseKind.VARIATION,
					"Change of premises", today.minusDays(12), null, today.plusMonths(3), null, null, false, null));
			cases.withdraw(withdrawn, 0, "The practice stays in its premises");
			long termination = cases.open(areaDecides.get(11).code(), new NewCase(CaseKind.TERMINATION,
					"Termination by agreement", today.minusDays(8), null, today.plusMonths(6), null, null, false, null));
			opened += List.of(received, overdue, acknowledged, refused, merger, variation, remedial, breach, pms, withdrawn,
					termination).size();
		}
		for (Practice practice : byCode) {
			if (types.get(practice.code()) == ContractType.APMS) {
				var contract = register.find(practice.code()).orElse(null);
				if (contract != null && contract.endDate() != null
						&& !contract.endDate().isAfter(today.plusMonths(12)) && !contract.endDate().isBefore(today)) {
					cases.open(practice.code(), new NewCase(CaseKind.APMS_EXPIRY, "APMS contract ends "
							+ java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
								.format(contract.endDate()) + ": re-procure, extend or disperse the list", today.minusDays(7), null,
							null, null, null, false, null));
					opened++;
				}
			}
		}
		long started = System.nanoTime();
		int byCommittee = delegatedCommitteeDecides(byCode, today);
		log.info("Synthetic GP contracts: {} cases for a delegated CCG's committee in {} ms", byCommittee,
				(System.nanoTime() - started) / 1_000_000);
		return opened + byCommittee;
	}

	/**
	 * In the first CCG holding delegated commissioning that has its governance demo: a list closure and a two-practice
	 * merger, each about a practice one of its GP members is a partner of, put on its primary care commissioning
	 * committee's agenda for a meeting ten days ago. Governance finds the partner conflicted, the chair records the
	 * declaration and that the partner leaves for the item, the others vote, quoracy holds after the exclusion, the
	 * outcome decides the case, and the approved minutes are published; another merger waits on the next meeting's agenda. Through the services, not rows, so the demo shows
	 * what a committee's decision looks like everywhere (case, minutes, both public registers, directory successor).
	 */
	private int delegatedCommitteeDecides(List<Practice> byCode, LocalDate today) {
		LocalDate meetingDay = today.minusDays(10);
		java.util.Set<String> triedCcgs = new java.util.HashSet<>();
		for (Practice practice : byCode) {
			if (!triedCcgs.add(practice.ccg().code())) {
				continue;
			}
			ResponsibleCommissioner now = commissioners.on(practice.code(), today);
			if (now.body() == ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE && commissioners
				.on(practice.code(), meetingDay.minusDays(40))
				.body() == ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE) {
				int opened = committeeCases(now.ccgCode(), today, meetingDay);
				if (opened > 0) {
					return opened;
				}
			}
		}
		return 0;
	}

	private int committeeCases(String ccg, LocalDate today, LocalDate meetingDay) {
		CommitteeView pcc = governance.committees(ccg)
			.stream()
			.filter(committee -> committee.kind() == CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE)
			.findFirst()
			.orElse(null);
		if (pcc == null) {
			return 0;
		}
		java.util.Set<Long> members = new java.util.HashSet<>();
		pcc.members().forEach(member -> members.add(member.personId()));
		// practices a GP member of the committee is a partner of, and every practice any member is linked to
		java.util.Set<String> partnered = new java.util.LinkedHashSet<>();
		java.util.Set<String> linked = new java.util.HashSet<>();
		for (PersonView person : governance.people(ccg)) {
			for (LinkView link : person.links()) {
				if (link.organisationCode() == null) {
					continue;
				}
				linked.add(link.organisationCode());
				if (members.contains(person.id()) && person.role() == MemberRole.GP_MEMBER
						&& link.relationship() == LinkRelationship.PARTNER && link.relative() == null
						&& register.find(link.organisationCode()).isPresent()) {
					partnered.add(link.organisationCode());
				}
			}
		}
		// practices no member is linked to, to merge into the partner's practice
		List<OrganisationSummary> unlinked = directory.children(ccg, today)
			.stream()
			.filter(child -> child.type() == OrganisationType.GP_PRACTICE && !linked.contains(child.code()))
			.filter(child -> register.find(child.code()).isPresent())
			.limit(2)
			.toList();
		if (partnered.size() < 2 || unlinked.size() < 2) {
			return 0;
		}
		String surviving = List.copyOf(partnered).get(0);
		String closed = List.copyOf(partnered).get(1);
		long merger = cases.open(surviving, new NewCase(CaseKind.MERGER, "Merger with " + unlinked.get(0).name(),
				meetingDay.minusDays(35), unlinked.get(0).code(), today.plusMonths(2).withDayOfMonth(1), null, null, false,
				"Business case: one site, a shared workforce and longer opening hours"));
		long closure = cases.open(closed, closure("List closure: two GPs retiring", meetingDay.minusDays(12)));
		cases.acknowledge(closure, 0, meetingDay.minusDays(9));
		long meeting = governance.createMeeting(ccg, new NewMeeting(pcc.id(), meetingDay,
				"Primary care commissioning committee: contract decisions", List.of()));
		long mergerItem = cases.placeOnAgenda(merger, 0, meeting);
		long closureItem = cases.placeOnAgenda(closure, 1, meeting);
		governance.recordAttendance(meeting, new Attendance(List.copyOf(members)));
		decide(mergerItem, meeting, "Merger approved from the effective date: the combined list transfers to the"
				+ " surviving contract");
		decide(closureItem, meeting, "List closure approved for six months; the LMC is copied on the notice");
		// the committee approved these minutes at its next meeting, which published them
		governance.approveMinutes(meeting);

		long next = governance.createMeeting(ccg, new NewMeeting(pcc.id(), today.plusDays(20),
				"Primary care commissioning committee", List.of()));
		long pending = cases.open(closed, new NewCase(CaseKind.MERGER, "Merger with " + unlinked.get(1).name(),
				today.minusDays(6), unlinked.get(1).code(), today.plusMonths(4).withDayOfMonth(1), null, null, false,
				"Business case for the committee"));
		cases.placeOnAgenda(pending, 0, next);
		return 3;
	}

	/** The members who may vote on the item (present, with a vote, not conflicted) vote for it, and it is approved. */
	private void decide(long itemId, long meetingId, String decision) {
		MeetingView meeting = governance.meeting(meetingId);
		ItemView item = meeting.items().stream().filter(candidate -> candidate.id() == itemId).findFirst().orElseThrow();
		java.util.Set<Long> conflicted = new java.util.HashSet<>();
		// the chair records each conflicted member's declaration on the day and the handling the registers require
		item.conflicts().forEach(conflict -> {
			conflicted.add(conflict.personId());
			governance.recordDeclaration(itemId, new ItemDeclaration(conflict.personId(), conflict.interests(),
					conflict.requiredHandling()));
		});
		List<CastVote> votes = meeting.attendees()
			.stream()
			.filter(attendee -> attendee.voting() && Boolean.TRUE.equals(attendee.present())
					&& !conflicted.contains(attendee.personId()))
			.map(attendee -> new CastVote(attendee.personId(), Vote.FOR))
			.toList();
		governance.recordVotes(itemId, votes);
		governance.recordOutcome(itemId, new Outcome(ItemStatus.APPROVED, decision, null, item.version()));
	}

	private static NewCase closure(String title, LocalDate received) {
		return new NewCase(CaseKind.LIST_CLOSURE, title, received, null, received.plusMonths(1).withDayOfMonth(1),
				received.plusMonths(7).withDayOfMonth(1).minusDays(1), null, false, null);
	}
}
