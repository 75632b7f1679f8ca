package org.cocommission.governance;

import java.time.LocalDate;
import java.util.List;

import org.cocommission.platform.Money;

/** What callers send to change the registers, committees and meetings. */
public final class GovernanceRequests {

	private GovernanceRequests() {
	}

	/** {@code voting} null takes the role's default (Healthwatch and local authority attendees do not vote). */
	public record NewPerson(String name, MemberRole role, Boolean voting, String title, String username,
			LocalDate joinedOn) {
	}

	/** A link to a practice or provider by ODS code, or to a body by name; {@code relative} for a family member's. */
	public record NewLink(LinkRelationship relationship, String organisationCode, String bodyName, String relative,
			LocalDate from, LocalDate to) {
	}

	public record NewDeclaration(InterestCategory category, String description, String organisationCode,
			String bodyName, LocalDate from, LocalDate to, String actionTaken) {
	}

	public record NewGift(GiftsAndHospitalityThresholds.GiftKind kind, boolean fromSupplier, String offeredBy,
			String description, Money value, LocalDate offeredOn, boolean accepted, Boolean seniorApproval) {

		public boolean approvedBySenior() {
			return Boolean.TRUE.equals(seniorApproval);
		}
	}

	public record CommitteeMember(long personId, Boolean voting) {
	}

	public record NewCommittee(String name, CommitteeKind kind, int minVotingPresent, int minLay, int minGp,
			int minExecutive, Boolean layExecutiveMajority, Boolean layChair, Long chairId, Long viceChairId,
			List<CommitteeMember> members) {
	}

	public record NewItem(String title, ItemKind kind, Boolean procurement, List<AffectedOrganisation> affected) {

		public boolean isProcurement() {
			return Boolean.TRUE.equals(procurement);
		}
	}

	public record NewMeeting(long committeeId, LocalDate heldOn, String title, List<NewItem> items) {
	}

	public record Attendance(List<Long> present) {
	}

	public record ItemDeclaration(long personId, String interest, Handling handling) {
	}

	public record CastVote(long personId, Vote vote) {
	}

	public record Outcome(ItemStatus outcome, String decision, String referredTo, int version) {
	}

	public record SensitiveMarking(boolean sensitive, String reason, int version) {
	}
}
