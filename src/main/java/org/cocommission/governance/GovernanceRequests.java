package org.cocommission.governance;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cocommission.platform.Money;

/**
 * What callers send to change the registers, committees and meetings. The API checks each with Bean Validation
 * before the service sees it (lengths match the columns, messages are the pages' own); the services check the rules
 * that need the data.
 */
public final class GovernanceRequests {

	private GovernanceRequests() {
	}

	/** The chair's answer to a near match: whether the member's registered body is the body the item affects. */
	public record PossibleConflictDecision(long personId,
			@NotBlank(message = "Reload the page and try again") @Size(max = 200, message = "Name must be 200 characters or fewer") String registered,
			@NotBlank(message = "Reload the page and try again") @Size(max = 200, message = "Name must be 200 characters or fewer") String affected,
			@NotNull(message = "Say whether they are the same body") Boolean sameBody) {
	}

	/** {@code voting} null takes the role's default (Healthwatch and local authority attendees do not vote). */
	public record NewPerson(
			@NotBlank(message = "A person needs a name") @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
			MemberRole role, Boolean voting,
			@Size(max = 200, message = "Title must be 200 characters or fewer") String title,
			@Size(max = 100, message = "Account must be 100 characters or fewer") String username, LocalDate joinedOn) {
	}

	/**
	 * A link to a practice or provider by ODS code, to a body on the register of bodies by its id, or to a body by name
	 * (registered then); {@code relative} for a family member's.
	 */
	public record NewLink(LinkRelationship relationship,
			@Size(max = 12, message = "ODS code must be 12 characters or fewer") String organisationCode,
			@Size(max = 200, message = "Name must be 200 characters or fewer") String bodyName,
			@Size(max = 100, message = "Whose link must be 100 characters or fewer") String relative, LocalDate from,
			LocalDate to, Long bodyId) {

		public NewLink(LinkRelationship relationship, String organisationCode, String bodyName, String relative,
				LocalDate from, LocalDate to) {
			this(relationship, organisationCode, bodyName, relative, from, to, null);
		}
	}

	/** An interest in an organisation by ODS code, a body on the register by its id, or a body by name (registered then). */
	public record NewDeclaration(InterestCategory category,
			@NotBlank(message = "Describe the interest") @Size(max = 500, message = "Interest must be 500 characters or fewer") String description,
			@Size(max = 12, message = "ODS code must be 12 characters or fewer") String organisationCode,
			@Size(max = 200, message = "Name must be 200 characters or fewer") String bodyName,
			@NotNull(message = "Give the start date") LocalDate from, LocalDate to,
			@Size(max = 500, message = "Action taken must be 500 characters or fewer") String actionTaken, Long bodyId) {

		public NewDeclaration(InterestCategory category, String description, String organisationCode, String bodyName,
				LocalDate from, LocalDate to, String actionTaken) {
			this(category, description, organisationCode, bodyName, from, to, actionTaken, null);
		}
	}

	/** {@code fromSupplier} and {@code accepted} left out mean no, as an unticked box on the page does. */
	public record NewGift(GiftsAndHospitalityThresholds.GiftKind kind, Boolean fromSupplier,
			@NotBlank(message = "Enter who offered it") @Size(max = 200, message = "Offered by must be 200 characters or fewer") String offeredBy,
			@NotBlank(message = "Describe what was offered") @Size(max = 500, message = "What it was must be 500 characters or fewer") String description,
			@NotNull(message = "Enter its value in pounds, like 25.00") Money value,
			@NotNull(message = "Enter the date it was offered") LocalDate offeredOn, Boolean accepted,
			Boolean seniorApproval) {

		public NewGift {
			fromSupplier = Boolean.TRUE.equals(fromSupplier);
			accepted = Boolean.TRUE.equals(accepted);
		}

		public boolean approvedBySenior() {
			return Boolean.TRUE.equals(seniorApproval);
		}
	}

	public record CommitteeMember(@NotNull(message = "Choose the member") Long personId, Boolean voting) {
	}

	public record NewCommittee(
			@NotBlank(message = "Enter the committee's name") @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
			CommitteeKind kind,
			@NotNull(message = "Enter the quorum's fewest voting members present as a whole number, like 1") Integer minVotingPresent,
			@NotNull(message = "Enter the quorum's lay members as a whole number, like 1") Integer minLay,
			@NotNull(message = "Enter the quorum's GP members as a whole number, like 1") Integer minGp,
			@NotNull(message = "Enter the quorum's executives as a whole number, like 1") Integer minExecutive,
			Boolean layExecutiveMajority, Boolean layChair, Long chairId, Long viceChairId,
			List<@Valid CommitteeMember> members) {
	}

	public record NewItem(
			@NotBlank(message = "Enter the item's title") @Size(max = 300, message = "Item must be 300 characters or fewer") String title,
			ItemKind kind, Boolean procurement, List<@Valid AffectedOrganisation> affected) {

		public boolean isProcurement() {
			return Boolean.TRUE.equals(procurement);
		}
	}

	public record NewMeeting(@NotNull(message = "Choose the committee") Long committeeId,
			@NotNull(message = "Enter the meeting date") LocalDate heldOn,
			@NotBlank(message = "Enter the meeting title") @Size(max = 200, message = "Meeting title must be 200 characters or fewer") String title,
			List<@Valid NewItem> items) {
	}

	public record Attendance(List<Long> present) {
	}

	public record ItemDeclaration(@NotNull(message = "Choose the member") Long personId,
			@Size(max = 500, message = "Interest declared must be 500 characters or fewer") String interest,
			Handling handling) {
	}

	public record CastVote(@NotNull(message = "Choose the member") Long personId, Vote vote) {
	}

	public record Outcome(ItemStatus outcome,
			@Size(max = 1000, message = "Decision must be 1000 characters or fewer") String decision,
			@Size(max = 200, message = "Referred to must be 200 characters or fewer") String referredTo,
			@NotNull(message = "Reload the page and try again") Integer version) {
	}

	/** {@code sensitive} left out means no, as an unticked box on the page does. */
	public record SensitiveMarking(Boolean sensitive,
			@Size(max = 500, message = "Reason must be 500 characters or fewer") String reason,
			@NotNull(message = "Reload the page and try again") Integer version) {

		public SensitiveMarking {
			sensitive = Boolean.TRUE.equals(sensitive);
		}
	}
}
