package org.cocommission.governance;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.governance.GiftsAndHospitalityThresholds.GiftKind;
import org.cocommission.governance.meetings.ConflictDetection.Conflict;
import org.cocommission.governance.meetings.ConflictDetection.MemberInterests;
import org.cocommission.governance.meetings.ConflictDetection;
import org.cocommission.platform.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule pinned to the worked examples of docs/domain-rules.md#governance. */
class GovernanceRulesTests {

	private static final LocalDate MEETING = LocalDate.of(2015, 6, 10);

	private static final AffectedOrganisation PRACTICE = new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE,
			"A81001", null);

	private static Interest interest(InterestCategory category, String code, LocalDate from, LocalDate to) {
		return new Interest(category, code, null, category.label() + " " + code, from, to);
	}

	@Test
	void aGpPartnerOfTheAffectedPracticeMustLeaveForADecision() {
		var partner = new MemberInterests(1, List.of(interest(InterestCategory.FINANCIAL, "A81001",
				LocalDate.of(2010, 1, 1), null)));
		var other = new MemberInterests(2, List.of(interest(InterestCategory.FINANCIAL, "A81002",
				LocalDate.of(2010, 1, 1), null)));

		List<Conflict> conflicts = ConflictDetection.detect(List.of(partner, other), List.of(PRACTICE),
				ItemKind.DECISION, MEETING);

		assertThat(conflicts).extracting(Conflict::personId).containsExactly(1L);
		assertThat(conflicts.get(0).handling()).isEqualTo(Handling.LEAVE_FOR_ITEM);
	}

	@Test
	void anIndirectInterestMeansNoVoteButMayStayForTheDiscussion() {
		var spouse = new MemberInterests(3, List.of(interest(InterestCategory.INDIRECT, "A81001",
				LocalDate.of(2012, 1, 1), null)));

		List<Conflict> conflicts = ConflictDetection.detect(List.of(spouse), List.of(PRACTICE), ItemKind.DECISION,
				MEETING);

		assertThat(conflicts).singleElement().extracting(Conflict::handling).isEqualTo(Handling.MAY_NOT_VOTE);
	}

	@Test
	void interestsWhoseDatesDoNotCoverTheMeetingDateDoNotCount() {
		var ended = new MemberInterests(1, List.of(interest(InterestCategory.FINANCIAL, "A81001",
				LocalDate.of(2010, 1, 1), MEETING.minusDays(1))));
		var notYet = new MemberInterests(2, List.of(interest(InterestCategory.FINANCIAL, "A81001",
				MEETING.plusDays(1), null)));
		var lastDay = new MemberInterests(3, List.of(interest(InterestCategory.FINANCIAL, "A81001",
				LocalDate.of(2010, 1, 1), MEETING)));

		assertThat(ConflictDetection.detect(List.of(ended, notYet, lastDay), List.of(PRACTICE), ItemKind.DECISION,
				MEETING)).extracting(Conflict::personId).containsExactly(3L);
	}

	@Test
	void aFreeTextBodyMatchesByName() {
		var director = new MemberInterests(4, List.of(new Interest(InterestCategory.FINANCIAL, null,
				"Tees Valley GP Federation Ltd", "Director", LocalDate.of(2014, 1, 1), null)));
		var provider = new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, null, "tees valley gp federation ltd");

		assertThat(ConflictDetection.detect(List.of(director), List.of(provider), ItemKind.DISCUSSION, MEETING))
			.singleElement()
			.extracting(Conflict::handling)
			.isEqualTo(Handling.LEAVE_FOR_ITEM);
	}

	@Test
	void aTieBothDeclaredAndLinkedIsOneInterestInTheDeclarationsWords() {
		LocalDate since = LocalDate.of(2014, 10, 1);
		var director = new MemberInterests(5, List.of(
				new Interest(InterestCategory.FINANCIAL, null, "Tees Valley GP Federation Ltd",
						"Director of Tees Valley GP Federation Ltd", since, null),
				new Interest(InterestCategory.FINANCIAL, null, "Tees Valley GP Federation Ltd",
						"Director at Tees Valley GP Federation Ltd", since, null, true)));
		var provider = new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, null, "Tees Valley GP Federation Ltd");

		assertThat(ConflictDetection.detect(List.of(director), List.of(provider), ItemKind.DECISION, MEETING))
			.singleElement()
			.extracting(Conflict::describe)
			.isEqualTo("Financial: Director of Tees Valley GP Federation Ltd");
	}

	@Test
	void twoLinkedTiesToOneOrganisationAreBothShown() {
		LocalDate since = LocalDate.of(2010, 1, 1);
		var partner = new MemberInterests(6, List.of(
				new Interest(InterestCategory.FINANCIAL, "A81001", null, "Partner at A81001", since, null, true),
				new Interest(InterestCategory.FINANCIAL, "A81001", null, "Shareholder at A81001", since, null, true)));

		assertThat(ConflictDetection.detect(List.of(partner), List.of(PRACTICE), ItemKind.DECISION, MEETING))
			.singleElement()
			.extracting(Conflict::describe)
			.isEqualTo("Financial: Partner at A81001; Financial: Shareholder at A81001");
	}

	@Test
	void handlingFollowsTheInterestAndTheItemKind() {
		assertThat(ConflictDetection.requiredHandling(InterestCategory.FINANCIAL, ItemKind.INFORMATION))
			.isEqualTo(Handling.DECLARE_ONLY);
		assertThat(ConflictDetection.requiredHandling(InterestCategory.NON_FINANCIAL_PROFESSIONAL, ItemKind.DISCUSSION))
			.isEqualTo(Handling.DECLARE_ONLY);
		assertThat(ConflictDetection.requiredHandling(InterestCategory.NON_FINANCIAL_PERSONAL, ItemKind.DECISION))
			.isEqualTo(Handling.MAY_NOT_VOTE);
		assertThat(ConflictDetection.requiredHandling(InterestCategory.FINANCIAL, ItemKind.DISCUSSION))
			.isEqualTo(Handling.LEAVE_FOR_ITEM);
	}

	@Test
	void theTypicalQuorumNeedsOneLayOneGpOneExecutiveAndALayAndExecutiveMajority() {
		QuorumRule rule = QuorumRule.typical();

		assertThat(rule.assess(List.of(MemberRole.LAY_MEMBER, MemberRole.GP_MEMBER, MemberRole.EXECUTIVE)).quorate())
			.isTrue();
		var noGp = rule.assess(List.of(MemberRole.LAY_MEMBER, MemberRole.LAY_MEMBER, MemberRole.EXECUTIVE));
		assertThat(noGp.quorate()).isFalse();
		assertThat(noGp.shortfalls()).containsExactly("0 GP members; at least 1 needed");
		var gpMajority = rule.assess(List.of(MemberRole.LAY_MEMBER, MemberRole.GP_MEMBER, MemberRole.GP_MEMBER,
				MemberRole.EXECUTIVE));
		assertThat(gpMajority.quorate()).isFalse();
		assertThat(gpMajority.shortfalls()).containsExactly("lay and executive members (2 of 4) are not the majority");
	}

	@Test
	void aCommitteesOwnRuleWithoutTheMajorityTestCountsOnlyItsOwnMinimums() {
		QuorumRule governingBody = new QuorumRule(4, 1, 2, 0, false);

		assertThat(governingBody.assess(List.of(MemberRole.LAY_MEMBER, MemberRole.GP_MEMBER, MemberRole.GP_MEMBER,
				MemberRole.GP_MEMBER)).quorate()).isTrue();
		assertThat(governingBody.assess(List.of(MemberRole.LAY_MEMBER, MemberRole.GP_MEMBER, MemberRole.EXECUTIVE))
			.shortfalls()).contains("3 voting members able to vote; at least 4 needed", "1 GP members; at least 2 needed");
	}

	@Test
	void giftAndHospitalityThresholdsFrom2017() {
		var thresholds = GiftsAndHospitalityThresholds.reference();

		assertThat(thresholds.assess(GiftKind.GIFT, true, Money.ofPounds(6), true, false).flag()).isNull();
		assertThat(thresholds.assess(GiftKind.GIFT, true, Money.ofPounds("6.01"), true, false).flag())
			.startsWith("Accepted but not allowed");
		assertThat(thresholds.assess(GiftKind.GIFT, false, Money.ofPounds("49.99"), true, false).declarationRequired())
			.isFalse();
		assertThat(thresholds.assess(GiftKind.GIFT, false, Money.ofPounds(50), true, false).declarationRequired())
			.isTrue();
		assertThat(thresholds.assess(GiftKind.HOSPITALITY, false, Money.ofPounds("24.99"), true, false).declarationRequired())
			.isFalse();
		var dinner = thresholds.assess(GiftKind.HOSPITALITY, false, Money.ofPounds(75), true, false);
		assertThat(dinner.declarationRequired()).isTrue();
		assertThat(dinner.acceptanceAllowed()).isTrue();
		assertThat(thresholds.assess(GiftKind.HOSPITALITY, false, Money.ofPounds("75.01"), true, false).flag())
			.startsWith("Accepted but not allowed");
		assertThat(thresholds.assess(GiftKind.HOSPITALITY, false, Money.ofPounds(120), true, true).acceptanceAllowed())
			.isTrue();
		assertThat(thresholds.assess(GiftKind.HOSPITALITY, false, Money.ofPounds(120), false, false).flag())
			.isEqualTo("Declaration required");
	}

	@Test
	void declarationsAreDueWithin28DaysOfAChangeAndRenewedAnnually() {
		var deadlines = DeclarationDeadlines.reference();

		assertThat(deadlines.dueOn(LocalDate.of(2015, 4, 1), null, null)).isEqualTo(LocalDate.of(2015, 4, 29));
		assertThat(deadlines.dueOn(LocalDate.of(2015, 4, 1), LocalDate.of(2015, 4, 20), null))
			.isEqualTo(LocalDate.of(2016, 4, 20));
		assertThat(deadlines.dueOn(LocalDate.of(2015, 4, 1), LocalDate.of(2015, 4, 20), LocalDate.of(2015, 6, 1)))
			.isEqualTo(LocalDate.of(2015, 6, 29));
		assertThat(deadlines.isOverdue(LocalDate.of(2015, 6, 29), LocalDate.of(2015, 6, 29))).isFalse();
		assertThat(deadlines.isOverdue(LocalDate.of(2015, 6, 29), LocalDate.of(2015, 6, 30))).isTrue();
	}

	@Test
	void anItemThatIsNotQuorateCanOnlyBeDeferredOrReferredToANamedCommittee() {
		assertThatThrownBy(() -> ItemStatus.OPEN.close(ItemStatus.APPROVED, ItemKind.DECISION, false, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not quorate");
		assertThatThrownBy(() -> ItemStatus.OPEN.close(ItemStatus.REFERRED, ItemKind.DECISION, false, " "))
			.hasMessageContaining("Name the committee");
		assertThat(ItemStatus.OPEN.close(ItemStatus.REFERRED, ItemKind.DECISION, false, "Audit committee"))
			.isEqualTo(ItemStatus.REFERRED);
		assertThat(ItemStatus.OPEN.close(ItemStatus.DEFERRED, ItemKind.DECISION, false, null))
			.isEqualTo(ItemStatus.DEFERRED);
		assertThat(ItemStatus.OPEN.close(ItemStatus.APPROVED, ItemKind.DECISION, true, null))
			.isEqualTo(ItemStatus.APPROVED);
		assertThatThrownBy(() -> ItemStatus.APPROVED.close(ItemStatus.REJECTED, ItemKind.DECISION, true, null))
			.hasMessageContaining("final");
	}

	@Test
	void anInterestCannotEndBeforeItStarts() {
		assertThatThrownBy(() -> interest(InterestCategory.FINANCIAL, "A81001", MEETING, MEETING.minusDays(1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("An interest cannot end (2015-06-09) before it starts (2015-06-10)");
	}
}
