package org.cocommission.governance.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.cocommission.governance.GovernanceViews.ComplianceRow;
import org.cocommission.governance.GovernanceViews.DecisionRow;
import org.cocommission.governance.GovernanceViews.DeclarationView;
import org.cocommission.governance.GovernanceViews.GiftView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.Register;
import org.cocommission.platform.Exports;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Every register as CSV and as PDF, and minutes as PDF (plain XHTML print templates rendered by Thymeleaf). */
@Component
public class GovernanceExports {

	private final TemplateEngine templates;

	GovernanceExports(TemplateEngine templates) {
		this.templates = templates;
	}

	Table registerTable(Register register, boolean published) {
		List<List<Object>> rows = new ArrayList<>();
		for (DeclarationView entry : register.declarations()) {
			List<Object> row = new ArrayList<>(List.of(entry.personName(), entry.role().label(), entry.category().label(),
					entry.description(), text(entry.organisation()), entry.from().toString(), text(entry.to()),
					text(entry.actionTaken())));
			if (!published) {
				row.add(entry.sensitive() ? "Withheld: " + text(entry.sensitiveReason()) : "Published");
			}
			rows.add(row);
		}
		List<String> headings = new ArrayList<>(List.of("Name", "Role", "Category", "Interest", "Organisation", "From",
				"To", "Action taken"));
		if (!published) {
			headings.add("Publication");
		}
		return new Table("Register of interests " + register.ccgCode(), headings, rows);
	}

	ResponseEntity<String> registerCsv(Register register, boolean published) {
		return Exports.csvDownload(registerTable(register, published), "register-of-interests-" + register.ccgCode() + ".csv");
	}

	ResponseEntity<byte[]> registerPdf(Register register, boolean published) {
		return Exports.pdfDownload(print(registerTable(register, published),
				published ? register.withheldAsSensitive() + " entries withheld as sensitive by the conflict of interest guardian."
						: null),
				"register-of-interests-" + register.ccgCode() + ".pdf");
	}

	Table giftsTable(String ccg, List<GiftView> gifts) {
		return new Table("Gifts and hospitality " + ccg,
				List.of("Name", "Kind", "Offered by", "Description", "Value", "Date", "Accepted", "Declaration required",
						"Flag"),
				gifts.stream()
					.map(gift -> List.<Object>of(gift.personName(), gift.kind().name().toLowerCase(), gift.offeredBy(),
							gift.description(), gift.value(), gift.offeredOn().toString(), gift.accepted() ? "Yes" : "No",
							gift.declarationRequired() ? "Yes" : "No", text(gift.flag())))
					.toList());
	}

	ResponseEntity<String> giftsCsv(String ccg, List<GiftView> gifts) {
		return Exports.csvDownload(giftsTable(ccg, gifts), "gifts-and-hospitality-" + ccg + ".csv");
	}

	ResponseEntity<byte[]> giftsPdf(String ccg, List<GiftView> gifts) {
		return Exports.pdfDownload(print(giftsTable(ccg, gifts), null), "gifts-and-hospitality-" + ccg + ".pdf");
	}

	Table decisionsTable(List<DecisionRow> decisions, boolean procurement) {
		return decisionsTable(decisions, procurement, procurement ? "Procurement decisions" : "Decisions", Map.of());
	}

	private Table decisionsTable(List<DecisionRow> decisions, boolean procurement, String title, Map<String, String> names) {
		return new Table(title,
				List.of("CCG", "Committee", "Meeting date", "Item", "Outcome", "Decision", "Referred to", "Quorate",
						"Conflicts and how managed", "Votes"),
				decisions.stream()
					.map(row -> List.<Object>of(names.containsKey(row.ccgCode())
							? names.get(row.ccgCode()) + " (" + row.ccgCode() + ")" : row.ccgCode(), row.committeeName(), row.heldOn().toString(), row.title(),
							row.status().label(), text(row.decision()), text(row.referredTo()),
							row.quorate() == null ? "" : row.quorate() ? "Yes" : "No", text(row.conflicts()),
							text(row.votes())))
					.toList());
	}

	ResponseEntity<String> decisionsCsv(List<DecisionRow> decisions, boolean procurement) {
		return Exports.csvDownload(decisionsTable(decisions, procurement),
				procurement ? "procurement-decisions.csv" : "decisions.csv");
	}

	/** Titled with the CCG (or every CCG) and the day it was made, as its file name is. */
	ResponseEntity<byte[]> decisionsPdf(List<DecisionRow> decisions, boolean procurement, String ccg,
			Map<String, String> names, java.time.LocalDate today) {
		String register = procurement ? "Procurement decisions register" : "Decisions register";
		String whose = ccg == null ? "every CCG" : names.getOrDefault(ccg, ccg) + " (" + ccg + ")";
		String title = register + ": " + whose + ", as at " + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy"));
		return Exports.pdfDownload(print(decisionsTable(decisions, procurement, title, names), null),
				(procurement ? "procurement-decisions-" : "decisions-") + (ccg == null ? "all-ccgs" : ccg) + "-" + today
						+ ".pdf");
	}

	Table complianceTable(List<ComplianceRow> rows) {
		return new Table("Governance compliance",
				List.of("CCG", "People", "Declarations up to date", "Overdue", "Gifts flagged",
						"Meetings with unmanaged conflicts", "Decisions", "Quorate decisions"),
				rows.stream()
					.map(row -> List.<Object>of(row.ccgCode(), row.people(), row.upToDate(), row.overdue(),
							row.giftsFlagged(), row.meetingsWithUnmanagedConflicts(), row.decisions(),
							row.quorateDecisions()))
					.toList());
	}

	ResponseEntity<String> complianceCsv(List<ComplianceRow> rows) {
		return Exports.csvDownload(complianceTable(rows), "governance-compliance.csv");
	}

	ResponseEntity<byte[]> compliancePdf(List<ComplianceRow> rows) {
		return Exports.pdfDownload(print(complianceTable(rows), null), "governance-compliance.pdf");
	}

	/** A meeting's minutes, as on the minutes page. */
	ResponseEntity<byte[]> minutesPdf(MeetingView meeting) {
		Context context = new Context();
		context.setVariable("meeting", meeting);
		return Exports.pdfDownload(templates.process("governance/minutes-print", context),
				"minutes-" + meeting.ccgCode() + "-" + meeting.heldOn() + "-" + meeting.id() + ".pdf");
	}

	/** The table as a well-formed XHTML page for the PDF renderer. */
	String print(Table table, String note) {
		Context context = new Context();
		context.setVariables(Map.of("table", table, "note", note == null ? "" : note));
		return templates.process("governance/print", context);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}
}
