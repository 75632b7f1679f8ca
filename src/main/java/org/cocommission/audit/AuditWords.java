package org.cocommission.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail in the words people use: each recorded action and kind of record as a phrase ("Application
 * submitted", not {@code COCOMMISSIONING_SUBMIT}), and a stored code such as {@code UNDER_REVIEW} as words. Codes
 * without a phrase of their own read as their words ("Outcomes alert acknowledged"), so a new action is never shown
 * as a code.
 */
public final class AuditWords {

	private static final Map<String, String> ACTIONS = Map.ofEntries(
			Map.entry("COCOMMISSIONING_SUBMIT", "Application submitted"),
			Map.entry("COCOMMISSIONING_START_REVIEW", "Review started"),
			Map.entry("COCOMMISSIONING_REQUEST_INFORMATION", "More information requested"),
			Map.entry("COCOMMISSIONING_RETURN_INFORMATION", "Information returned to the area team"),
			Map.entry("COCOMMISSIONING_RECOMMEND", "Recommendation made to the board"),
			Map.entry("COCOMMISSIONING_DECIDE", "Board decision recorded"),
			Map.entry("COCOMMISSIONING_GO_LIVE", "Arrangement went live"),
			Map.entry("COCOMMISSIONING_WITHDRAW", "Application withdrawn"),
			Map.entry("COCOMMISSIONING_OUTCOME_RECORDED", "Past round's outcome recorded"),
			Map.entry("COCOMMISSIONING_APPLICATION_STARTED", "Application started"),
			Map.entry("COCOMMISSIONING_APPLICATION_SAVED", "Application saved"),
			Map.entry("COCOMMISSIONING_ATTACHMENT_ADDED", "Attachment added"),
			Map.entry("COCOMMISSIONING_ATTACHMENT_REMOVED", "Attachment removed"),
			Map.entry("COCOMMISSIONING_COMMITTEE_MEMBER_ADDED", "Committee member added"),
			Map.entry("COCOMMISSIONING_COMMITTEE_MEMBER_REMOVED", "Committee member removed"),
			Map.entry("COCOMMISSIONING_COMMITTEE_CHAIR_CHANGED", "Committee chair changed"),
			Map.entry("COCOMMISSIONING_CONDITION_DISCHARGED", "Condition discharged"),
			Map.entry("COCOMMISSIONING_DELEGATION_NOTICE", "Notice to end delegation given"),
			Map.entry("COCOMMISSIONING_FUNCTIONS_SET", "Functions requested"),
			Map.entry("COCOMMISSIONING_INTEREST_EXPRESSED", "Interest expressed"),
			Map.entry("COCOMMISSIONING_INTEREST_WINDOW_REOPENED", "Expressions of interest re-opened for a CCG"),
			Map.entry("COCOMMISSIONING_WINDOW_REOPENED", "Full applications re-opened for a CCG"),
			Map.entry("COCOMMISSIONING_QUORUM_SET", "Committee quorum set"),
			Map.entry("COCOMMISSIONING_REMINDER_SENT", "Deadline reminder sent"),
			Map.entry("COCOMMISSIONING_ROUND_CREATED", "Round set up"),
			Map.entry("COCOMMISSIONING_SCORED", "Criterion scored"),
			Map.entry("ATTENDANCE_RECORDED", "Attendance recorded"),
			Map.entry("COMMITTEE_CREATED", "Committee set up"),
			Map.entry("MEETING_CREATED", "Meeting set up"),
			Map.entry("ITEM_ADDED", "Agenda item added"),
			Map.entry("ITEM_DECLARATION_RECORDED", "Declaration at a meeting recorded"),
			Map.entry("ITEM_APPROVED", "Item approved"),
			Map.entry("ITEM_REJECTED", "Item rejected"),
			Map.entry("ITEM_DEFERRED", "Item deferred"),
			Map.entry("ITEM_REFERRED", "Item referred to another committee"),
			Map.entry("ITEM_NOTED", "Item noted"),
			Map.entry("VOTE_RECORDED", "Vote recorded"),
			Map.entry("MINUTES_APPROVED", "Minutes approved and published"),
			Map.entry("POSSIBLE_CONFLICT_CONFIRMED", "Possible conflict confirmed by the chair"),
			Map.entry("POSSIBLE_CONFLICT_DISMISSED", "Possible conflict dismissed by the chair"),
			Map.entry("INTEREST_DECLARED", "Interest declared"),
			Map.entry("GIFT_RECORDED", "Gift or hospitality recorded"),
			Map.entry("LINK_ADDED", "Link to an organisation added"),
			Map.entry("DECLARATION_REMINDER_QUEUED", "Declaration reminder sent"));

	private static final Map<String, String> ENTITIES = Map.ofEntries(
			Map.entry("COCOMMISSIONING_APPLICATION", "Co-commissioning application"),
			Map.entry("COCOMMISSIONING_ROUND", "Co-commissioning round"),
			Map.entry("COCOMMISSIONING_DELEGATION", "Delegation"), Map.entry("GOVERNANCE_MEETING", "Meeting"),
			Map.entry("GOVERNANCE_ITEM", "Agenda item"), Map.entry("GOVERNANCE_COMMITTEE", "Committee"),
			Map.entry("GOVERNANCE_PERSON", "Person on the registers"),
			Map.entry("GOVERNANCE_GIFT", "Gift or hospitality"),
			Map.entry("GOVERNANCE_DECLARATION", "Declaration of interests"),
			Map.entry("GOVERNANCE_LINK", "Link to an organisation"), Map.entry("USER_ACCOUNT", "User account"),
			Map.entry("REGISTERED_LIST", "Registered list"));

	/** Words that keep their capitals when a code is read as words. */
	private static final Set<String> ACRONYMS = Set.of("GP", "GPS", "CCG", "CCGS", "NHS", "ODS", "QOF", "CSV", "ICB",
			"PMS", "GMS", "APMS", "CSU", "ID");

	private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+|[A-Z]{3,}");

	/** A code as a value inside a record kept whole: after {@code =} ({@code [{role=GP_MEMBER}]}) or in quotes (JSON). */
	private static final Pattern CODE_IN_A_RECORD = Pattern
		.compile("(?<=[=\"])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,})(?=[\",}\\]]|$)");

	private AuditWords() {
	}

	/** What was done, in words. */
	public static String action(String code) {
		return code == null ? "" : ACTIONS.getOrDefault(code, words(code));
	}

	/** What kind of record it was done to, in words. */
	public static String entity(String code) {
		return code == null ? "" : ENTITIES.getOrDefault(code, words(code));
	}

	/** A recorded value: a stored code ({@code UNDER_REVIEW}, {@code qp_local_measure}) in words, anything else as it is. */
	public static String value(Object value) {
		if (value == null) {
			return "";
		}
		String text = String.valueOf(value);
		if (text.equals("[]") || text.equals("{}") || text.equals("null")) {
			return "none";
		}
		if (CODE.matcher(text).matches()) {
			return ACRONYMS.contains(text.toUpperCase(Locale.ROOT)) ? text : words(text);
		}
		// A list or record recorded whole ([{role=GP_MEMBER}] or {"role":"GP_MEMBER"}): its codes in words.
		return codesInWords(noneForNothing(text));
	}

	/**
	 * A recorded record shown whole: its stored codes in words ({@code "kind": "LIST_CLOSURE"} shows
	 * {@code "kind": "List closure"}), its field names and other values as they are.
	 */
	public static String json(String json) {
		return json == null ? null : codesInWords(noneForNothing(json));
	}

	private static final Pattern ISO_DATE = Pattern.compile("(?<![\\w/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\w/.-])");

	/** A recorded date in words, "1 April 2015", as every date on a page; anything not a real date stays. */
	private static String datesInWords(String text) {
		return ISO_DATE.matcher(text).replaceAll(match -> {
			try {
				return java.time.LocalDate.parse(match.group())
					.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
			}
			catch (java.time.format.DateTimeParseException ex) {
				return match.group();
			}
		});
	}

	/**
	 * Nothing recorded for a field ({@code "to": null}, {@code members=[]}) reads "none" (issue 22: no developer
	 * wording on a page).
	 */
	private static String noneForNothing(String text) {
		return datesInWords(text).replaceAll("(?<=[=:\\[,]\\s?)null(?=\\s*[,}\\]]|\\s*$)", "none")
			.replaceAll("(?<=[=:]\\s?)\\[\\s*\\]", "none")
			.replaceAll("(?<=[=:]\\s?)\\{\\s*\\}", "none");
	}

	private static String codesInWords(String text) {
		return CODE_IN_A_RECORD.matcher(text)
			.replaceAll(match -> ACRONYMS.contains(match.group()) ? match.group()
					: Matcher.quoteReplacement(words(match.group())));
	}

	/** A recorded field's name in words: {@code approvedOn} is "Approved on". */
	public static String field(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
		return words(spaced);
	}

	/** The actions a filter offers, by their words, with "any" first; the chosen one kept even when not listed. */
	static Map<String, String> actionOptions(String chosen) {
		return options(ACTIONS, "Any action", chosen, AuditWords::action);
	}

	/** The kinds of record a filter offers, by their words, with "any" first. */
	static Map<String, String> entityOptions(String chosen) {
		return options(ENTITIES, "Any kind of record", chosen, AuditWords::entity);
	}

	private static Map<String, String> options(Map<String, String> known, String any, String chosen,
			java.util.function.Function<String, String> label) {
		Map<String, String> options = new java.util.LinkedHashMap<>();
		options.put("", any);
		if (chosen != null && !chosen.isBlank() && !known.containsKey(chosen)) {
			options.put(chosen, label.apply(chosen));
		}
		known.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach(entry -> options.put(entry.getKey(), entry.getValue()));
		return options;
	}

	/** A code read as words: {@code qp_local_measure} is "Quality premium local measure". */
	static String words(String code) {
		String[] parts = code.split("_");
		StringBuilder text = new StringBuilder();
		for (int index = 0; index < parts.length; index++) {
			String part = parts[index];
			String upper = part.toUpperCase(Locale.ROOT);
			String word = switch (upper) {
				case "COCOMMISSIONING" -> "co-commissioning";
				case "QP" -> "quality premium";
				default -> ACRONYMS.contains(upper) ? upper : part.toLowerCase(Locale.ROOT);
			};
			if (text.length() > 0) {
				text.append(' ');
			}
			text.append(word);
		}
		return text.isEmpty() ? code : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
