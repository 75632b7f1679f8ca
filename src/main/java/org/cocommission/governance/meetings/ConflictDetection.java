package org.cocommission.governance.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.Handling;
import org.cocommission.governance.Interest;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.people.BodyNames;

/**
 * Who is conflicted on an agenda item, and how the chair must handle it: a member is conflicted when an interest of
 * theirs that covers the meeting date concerns an organisation the item affects, whether directly (a declaration; a
 * partnership, employment, directorship or shareholding) or indirectly (a spouse's or close relative's). The
 * handling follows the interest's nature and the item's kind. Source: NHS England, Managing conflicts of interest:
 * revised statutory guidance for CCGs (2016), "Managing conflicts of interest at meetings".
 */
public final class ConflictDetection {

	private ConflictDetection() {
	}

	/** A conflict of one member on one item: the interests that caused it and the handling they require. */
	public record Conflict(long personId, List<Interest> interests, Handling handling) {

		public String describe() {
			return String.join("; ", interests.stream()
				.map(interest -> interest.category().label() + ": " + interest.description())
				.toList());
		}
	}

	/** A member and every interest of theirs on the registers (declarations and links). */
	public record MemberInterests(long personId, List<Interest> interests) {
	}

	/**
	 * A registered interest whose body's name is near, but not the same as, one the item affects ({@link BodyNames}):
	 * the chair says whether they are the same body ({@code sameBody} true: a conflict), or not (false); null while
	 * undecided.
	 */
	public record PossibleConflict(long personId, String registered, String affected, Boolean sameBody) {

		boolean isAbout(long person, String registeredName, String affectedName) {
			return personId == person && BodyNames.same(registered, registeredName)
					&& BodyNames.same(affected, affectedName);
		}
	}

	public static List<Conflict> detect(List<MemberInterests> members, List<AffectedOrganisation> affected,
			ItemKind kind, LocalDate meetingDate) {
		return detect(members, affected, kind, meetingDate, List.of());
	}

	/** As {@link #detect(List, List, ItemKind, LocalDate)}, counting the near matches the chair confirmed. */
	public static List<Conflict> detect(List<MemberInterests> members, List<AffectedOrganisation> affected,
			ItemKind kind, LocalDate meetingDate, List<PossibleConflict> decided) {
		List<Conflict> conflicts = new ArrayList<>();
		for (MemberInterests member : members) {
			List<Interest> relevant = member.interests()
				.stream()
				.filter(interest -> interest.coversDate(meetingDate))
				.filter(interest -> affected.stream()
					.anyMatch(organisation -> interest.concerns(organisation)
							|| confirmed(decided, member.personId(), interest, organisation)))
				.toList();
			relevant = withoutLinksAlsoDeclared(relevant);
			if (!relevant.isEmpty()) {
				Handling handling = Handling.DECLARE_ONLY;
				for (Interest interest : relevant) {
					handling = handling.strongest(requiredHandling(interest.category(), kind));
				}
				conflicts.add(new Conflict(member.personId(), relevant, handling));
			}
		}
		return conflicts;
	}

	private static boolean confirmed(List<PossibleConflict> decided, long personId, Interest interest,
			AffectedOrganisation organisation) {
		return interest.bodyName() != null && organisation.bodyName() != null && decided.stream()
			.anyMatch(possible -> Boolean.TRUE.equals(possible.sameBody())
					&& possible.isAbout(personId, interest.bodyName(), organisation.bodyName()));
	}

	/**
	 * The near matches between members' registered bodies and the bodies the item affects that are not already a
	 * conflict: for the chair to confirm or dismiss. Undecided ({@code sameBody} null), one per member and pair of names.
	 */
	public static List<PossibleConflict> possibleConflicts(List<MemberInterests> members,
			List<AffectedOrganisation> affected, LocalDate meetingDate) {
		List<PossibleConflict> possible = new ArrayList<>();
		for (MemberInterests member : members) {
			for (Interest interest : member.interests()) {
				if (interest.bodyName() == null || !interest.coversDate(meetingDate)
						|| affected.stream().anyMatch(interest::concerns)) {
					continue;
				}
				for (AffectedOrganisation organisation : affected) {
					if (organisation.bodyName() != null && BodyNames.near(interest.bodyName(), organisation.bodyName())
							&& possible.stream().noneMatch(p -> p.isAbout(member.personId(), interest.bodyName(),
									organisation.bodyName()))) {
						possible.add(new PossibleConflict(member.personId(), interest.bodyName(),
								organisation.bodyName(), null));
					}
				}
			}
		}
		return possible;
	}

	/**
	 * A link and a declaration of the same tie (a partner declaring the partnership the link records) are one interest,
	 * described in the declaration's words; otherwise the minutes and the register would show it twice.
	 */
	private static List<Interest> withoutLinksAlsoDeclared(List<Interest> interests) {
		return interests.stream()
			.filter(interest -> !interest.linked()
					|| interests.stream().noneMatch(other -> !other.linked() && other.sameTieAs(interest)))
			.toList();
	}

	/**
	 * Information items need only the declaration. A direct financial interest means leaving for the item, whether it
	 * is discussed or decided; any other interest in a decision means staying for the discussion without a vote.
	 */
	public static Handling requiredHandling(InterestCategory category, ItemKind kind) {
		if (kind == ItemKind.INFORMATION) {
			return Handling.DECLARE_ONLY;
		}
		if (category == InterestCategory.FINANCIAL) {
			return Handling.LEAVE_FOR_ITEM;
		}
		return kind == ItemKind.DECISION ? Handling.MAY_NOT_VOTE : Handling.DECLARE_ONLY;
	}
}
