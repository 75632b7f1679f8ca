package org.cocommission.governance.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.BodyChoice;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.GiftsAndHospitalityThresholds;
import org.cocommission.governance.GovernanceRequests.CommitteeMember;
import org.cocommission.governance.GovernanceRequests.NewCommittee;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.NewGift;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewLink;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.NewPerson;
import org.cocommission.governance.Handling;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.Vote;
import org.cocommission.platform.Money;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The governance pages' forms as typed, bound and checked by Spring, each turned into the service's request. They are
 * serializable because a form that comes back with errors travels, with its errors, through the session to the page
 * it redirects to. Lengths match the columns.
 */
public final class GovernanceForms {

	private GovernanceForms() {
	}

	record PersonForm(@NotBlank(message = "A person needs a name") @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
			MemberRole role, @Size(max = 200, message = "Title must be 200 characters or fewer") String title,
			@Size(max = 100, message = "Account must be 100 characters or fewer") String username,
			@DateTimeFormat(iso = ISO.DATE) LocalDate joinedOn) implements Serializable {

		static PersonForm blank() {
			return new PersonForm(null, null, null, null, null);
		}

		NewPerson request() {
			return new NewPerson(name, role, null, title, username, joinedOn);
		}
	}

	record LinkForm(@NotNull(message = "Choose the person") Long person, LinkRelationship relationship,
			@Size(max = 12, message = "ODS code must be 12 characters or fewer") String organisationCode,
			@Size(max = 200, message = "Name must be 200 characters or fewer") String bodyName,
			@Size(max = 100, message = "Whose link must be 100 characters or fewer") String relative,
			@DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to,
			BodyChoice body) implements Serializable {

		static LinkForm blank() {
			return new LinkForm(null, null, null, null, null, null, null, null);
		}

		/** A body chosen from the list wins over a code or name typed. */
		NewLink request() {
			return body == null ? new NewLink(relationship, organisationCode, bodyName, relative, from, to)
					: new NewLink(relationship, body.organisationCode(), null, relative, from, to, body.bodyId());
		}
	}

	record DeclarationForm(@NotNull(message = "Choose the person") Long person, InterestCategory category,
			@Size(max = 500, message = "Interest must be 500 characters or fewer") String description,
			@Size(max = 12, message = "ODS code must be 12 characters or fewer") String organisationCode,
			@Size(max = 200, message = "Name must be 200 characters or fewer") String bodyName,
			@DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to,
			@Size(max = 500, message = "Action taken must be 500 characters or fewer") String actionTaken,
			BodyChoice body) implements Serializable {

		static DeclarationForm blank() {
			return new DeclarationForm(null, null, null, null, null, null, null, null, null);
		}

		/** A body chosen from the list wins over a code or name typed. */
		NewDeclaration request() {
			return body == null
					? new NewDeclaration(category, description, organisationCode, bodyName, from, to, actionTaken)
					: new NewDeclaration(category, description, body.organisationCode(), null, from, to, actionTaken,
							body.bodyId());
		}
	}

	/** The guardian withholds a declaration from the published register, or publishes it again. */
	record SensitivityForm(Boolean sensitive,
			@Size(max = 500, message = "Reason must be 500 characters or fewer") String reason,
			@NotNull(message = "Reload the page and try again") Integer version) implements Serializable {

		static SensitivityForm blank() {
			return new SensitivityForm(null, null, 0);
		}
	}

	/** A nil return has nothing to type; a refusal of one is shown against this. */
	record NilReturnForm(Long person) implements Serializable {
	}

	record GiftForm(@NotNull(message = "Choose the person") Long person, GiftsAndHospitalityThresholds.GiftKind kind,
			Boolean fromSupplier,
			@NotBlank(message = "Enter who offered it") @Size(max = 200, message = "Offered by must be 200 characters or fewer") String offeredBy,
			@NotBlank(message = "Describe what was offered") @Size(max = 500, message = "What it was must be 500 characters or fewer") String description,
			@NotNull(message = "Enter its value in pounds, like 25.00") @Digits(integer = 10, fraction = 2, message = "Enter the value in pounds, like 25.00") BigDecimal value,
			@NotNull(message = "Enter the date it was offered") @DateTimeFormat(iso = ISO.DATE) LocalDate offeredOn,
			Boolean accepted, Boolean seniorApproval) implements Serializable {

		static GiftForm blank() {
			return new GiftForm(null, null, null, null, null, null, null, null, null);
		}

		NewGift request() {
			return new NewGift(kind, Boolean.TRUE.equals(fromSupplier), offeredBy, description,
					Money.ofPounds(value.toPlainString()), offeredOn, Boolean.TRUE.equals(accepted), seniorApproval);
		}
	}

	/** The terms of reference as typed: members ticked (each with their own vote), chair, vice-chair, quorum. */
	record CommitteeForm(@NotBlank(message = "Enter the committee's name") @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
			CommitteeKind kind, List<Long> members, Long chairId, Long viceChairId,
			@NotNull(message = "Enter the quorum's fewest voting members present as a whole number, like 1") Integer minVotingPresent,
			@NotNull(message = "Enter the quorum's lay members as a whole number, like 1") Integer minLay,
			@NotNull(message = "Enter the quorum's GP members as a whole number, like 1") Integer minGp,
			@NotNull(message = "Enter the quorum's executives as a whole number, like 1") Integer minExecutive)
			implements Serializable {

		/** The typical quorum to start from: three voting members, one lay, one GP, one executive. */
		static CommitteeForm blank() {
			return new CommitteeForm(null, null, List.of(), null, null, 3, 1, 1, 1);
		}

		NewCommittee request() {
			List<CommitteeMember> chosen = members == null ? List.of()
					: members.stream().map(id -> new CommitteeMember(id, null)).toList();
			return new NewCommittee(name, kind, minVotingPresent, minLay, minGp, minExecutive, null, null, chairId,
					viceChairId, chosen);
		}
	}

	/** The new-meeting form: one agenda item to start with; more are added on the meeting page. */
	record MeetingForm(@NotNull(message = "Choose the committee") Long committeeId,
			@NotNull(message = "Enter the meeting date") @DateTimeFormat(iso = ISO.DATE) LocalDate heldOn,
			@NotBlank(message = "Enter the meeting title") @Size(max = 200, message = "Meeting title must be 200 characters or fewer") String title,
			@Size(max = 300, message = "Item must be 300 characters or fewer") String itemTitle, ItemKind itemKind,
			Boolean procurement, String practiceCodes,
			@Size(max = 200, message = "Provider or contract must be 200 characters or fewer") String providerName,
			BodyChoice provider) implements Serializable {

		static MeetingForm blank() {
			return new MeetingForm(null, null, null, null, ItemKind.DECISION, null, null, null, null);
		}

		NewMeeting request() {
			List<NewItem> items = itemTitle == null || itemTitle.isBlank() ? List.of()
					: List.of(new NewItem(itemTitle, itemKind, procurement,
							affected(practiceCodes, provider, providerName)));
			return new NewMeeting(committeeId, heldOn, title, items);
		}
	}

	/** An agenda item added on the meeting page. */
	record ItemForm(@NotBlank(message = "Enter the item's title") @Size(max = 300, message = "Item must be 300 characters or fewer") String title,
			ItemKind kind, Boolean procurement, String practiceCodes,
			@Size(max = 200, message = "Provider or contract must be 200 characters or fewer") String providerName,
			BodyChoice provider) implements Serializable {

		static ItemForm blank() {
			return new ItemForm(null, ItemKind.DECISION, null, null, null, null);
		}

		NewItem request() {
			return new NewItem(title, kind, procurement, affected(practiceCodes, provider, providerName));
		}
	}

	record AttendanceForm(List<Long> present) implements Serializable {

		static AttendanceForm blank() {
			return new AttendanceForm(List.of());
		}
	}

	/** A declaration made on the day, for one agenda item; the interest fits its column (500 characters). */
	record ItemDeclarationForm(@NotNull(message = "Choose the member") Long personId,
			@Size(max = 500, message = "Interest declared must be 500 characters or fewer") String interest,
			Handling handling)
			implements Serializable {

		static ItemDeclarationForm blank() {
			return new ItemDeclarationForm(null, null, null);
		}
	}

	/** The chair's answer to a near match, from the buttons beside it. */
	record PossibleConflictForm(@NotNull(message = "Reload the page and try again") Long personId,
			@Size(max = 200, message = "Name must be 200 characters or fewer") String registered,
			@Size(max = 200, message = "Name must be 200 characters or fewer") String affected,
			@NotNull(message = "Say whether they are the same body") Boolean sameBody) implements Serializable {
	}

	record VoteForm(@NotNull(message = "Choose the member") Long personId, Vote vote) implements Serializable {

		static VoteForm blank() {
			return new VoteForm(null, null);
		}
	}

	record OutcomeForm(ItemStatus outcome,
			@Size(max = 1000, message = "Decision must be 1000 characters or fewer") String decision,
			@Size(max = 200, message = "Referred to must be 200 characters or fewer") String referredTo,
			@NotNull(message = "Reload the page and try again") Integer version) implements Serializable {

		static OutcomeForm blank() {
			return new OutcomeForm(null, null, null, 0);
		}
	}

	/**
	 * The practices an item affects, typed as ODS codes separated by commas or spaces, and a provider: chosen from the
	 * directory or the register of bodies, or (not in the list) by name.
	 */
	static List<AffectedOrganisation> affected(String practiceCodes, BodyChoice provider, String providerName) {
		List<AffectedOrganisation> affected = new ArrayList<>();
		if (practiceCodes != null) {
			Arrays.stream(practiceCodes.split("[,\\s]+"))
				.filter(code -> !code.isBlank())
				.forEach(code -> affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, code, null)));
		}
		if (provider != null) {
			affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, provider.organisationCode(), null,
					provider.bodyId()));
		}
		if (providerName != null && !providerName.isBlank()) {
			affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, null, providerName));
		}
		return affected;
	}
}
