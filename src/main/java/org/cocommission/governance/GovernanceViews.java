package org.cocommission.governance;

import java.time.LocalDate;
import java.util.List;

import org.cocommission.platform.Money;

/** What the governance pages and API show; requests are in {@link GovernanceRequests}. */
public final class GovernanceViews {

	private GovernanceViews() {
	}

	/** A body found for the type-ahead: from the directory (by ODS code) or the register of bodies (by id). */
	public record BodyFound(BodyChoice choice, String name, String source) {

		public String label() {
			return (choice.organisationCode() != null ? choice.organisationCode() + " " : "") + name + " (" + source + ")";
		}
	}

	public record LinkView(long id, LinkRelationship relationship, String organisationCode, String organisationName,
			String bodyName, String relative, LocalDate from, LocalDate to) {

		public LinkView withOrganisationName(String name) {
			return new LinkView(id, relationship, organisationCode, name, bodyName, relative, from, to);
		}

		public String describe() {
			String target = organisationCode != null
					? organisationCode + (organisationName != null ? " " + organisationName : "") : bodyName;
			return relationship.label() + " at " + target + (relative != null ? " (" + relative + "'s link)" : "");
		}
	}

	public record PersonView(long id, String ccgCode, String name, MemberRole role, boolean voting, String title,
			String username, LocalDate joinedOn, LocalDate lastReturnOn, LocalDate dueOn, boolean overdue,
			List<LinkView> links) {
	}

	public record DeclarationView(long id, long personId, String personName, MemberRole role, InterestCategory category,
			String description, String organisationCode, String bodyName, LocalDate from, LocalDate to,
			String actionTaken, LocalDate declaredOn, boolean sensitive, String sensitiveReason, String sensitiveDecidedBy,
			int version) {

		public String organisation() {
			return organisationCode != null ? organisationCode : bodyName;
		}
	}

	public record Register(String ccgCode, List<PersonView> people, List<DeclarationView> declarations,
			long overdue, long withheldAsSensitive) {
	}

	public record GiftView(long id, long personId, String personName, GiftsAndHospitalityThresholds.GiftKind kind,
			boolean fromSupplier, String offeredBy, String description, Money value, LocalDate offeredOn,
			boolean accepted, boolean seniorApproval, boolean declarationRequired, boolean acceptanceAllowed,
			String flag) {
	}

	public record MemberView(long personId, String name, MemberRole role, boolean voting) {
	}

	public record CommitteeView(long id, String ccgCode, String name, CommitteeKind kind, QuorumRule quorum,
			boolean layChair, Long chairId, String chairName, Long viceChairId, String viceChairName,
			List<MemberView> members, int version) {
	}

	public record ConflictView(long personId, String name, MemberRole role, boolean voting, String interests,
			Handling requiredHandling, Handling recordedHandling, boolean onTheDay) {

		/** The stricter of what the registers require and what the chair recorded. */
		public Handling effectiveHandling() {
			return requiredHandling.strongest(recordedHandling == null ? Handling.DECLARE_ONLY : recordedHandling);
		}
	}

	/**
	 * A member's registered body whose name is near one the item affects: {@code sameBody} true when the chair
	 * confirmed it is the same body (a conflict), false when dismissed, null while undecided.
	 */
	public record PossibleConflictView(long personId, String name, String registered, String affected,
			Boolean sameBody) {
	}

	public record VoteView(long personId, String name, Vote vote) {
	}

	public record ItemView(long id, int position, String title, ItemKind kind, boolean procurement,
			List<AffectedOrganisation> affected, ItemStatus status, String decision, String referredTo,
			List<ConflictView> conflicts, QuorumRule.Assessment quorum, List<VoteView> votes, int version,
			List<PossibleConflictView> possibleConflicts) {

		/** Near matches the chair has not yet confirmed or dismissed. */
		public List<PossibleConflictView> undecided() {
			return possibleConflicts.stream().filter(possible -> possible.sameBody() == null).toList();
		}

		public long votesFor() {
			return votes.stream().filter(vote -> vote.vote() == Vote.FOR).count();
		}

		public long votesAgainst() {
			return votes.stream().filter(vote -> vote.vote() == Vote.AGAINST).count();
		}

		public long abstentions() {
			return votes.stream().filter(vote -> vote.vote() == Vote.ABSTAIN).count();
		}

		public boolean isOpen() {
			return status == ItemStatus.OPEN;
		}
	}

	public record AttendeeView(long personId, String name, MemberRole role, boolean voting, Boolean present) {
	}

	public record MeetingView(long id, String ccgCode, long committeeId, String committeeName, LocalDate heldOn,
			String title, boolean attendanceRecorded, List<AttendeeView> attendees, List<ItemView> items,
			LocalDate minutesApprovedOn) {

		/** Minutes are public once approved. */
		public boolean minutesPublished() {
			return minutesApprovedOn != null;
		}

		/** Whether every item has its outcome, so the minutes can be approved. */
		public boolean everyItemClosed() {
			return items.stream().noneMatch(ItemView::isOpen);
		}
	}

	public record MeetingSummary(long id, long committeeId, String committeeName, LocalDate heldOn, String title,
			int items, int openItems) {
	}

	public record DecisionRow(long itemId, String ccgCode, String committeeName, long meetingId, LocalDate heldOn,
			String title, boolean procurement, ItemStatus status, String decision, String referredTo, Boolean quorate,
			String conflicts, String votes, boolean minutesPublished) {
	}

	public record ComplianceRow(String ccgCode, long people, long upToDate, long overdue, long giftsFlagged,
			long meetingsWithUnmanagedConflicts, long decisions, long quorateDecisions) {
	}
}
