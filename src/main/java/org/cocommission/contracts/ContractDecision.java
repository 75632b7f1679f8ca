package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.Locale;

/** A decided contract change, as the public register of contract decisions shows it. */
public record ContractDecision(long caseId, String practiceCode, String practiceName, CaseKind kind, String title,
		CaseStatus outcome, LocalDate decidedOn, String decision, String decidedBy) {

	/**
	 * The change in words: the kind, then what the title adds to it. A title that starts with the kind ("List closure:
	 * six months" for a list closure application) does not say it twice.
	 */
	public String change() {
		String label = kind.label();
		String rest = title == null ? "" : title.trim();
		String lower = rest.toLowerCase(Locale.UK);
		int lastSpace = label.lastIndexOf(' ');
		for (String prefix : lastSpace > 0 ? new String[] { label, label.substring(0, lastSpace) } : new String[] { label }) {
			String said = prefix.toLowerCase(Locale.UK);
			if (lower.startsWith(said) && (lower.length() == said.length() || !Character.isLetter(lower.charAt(said.length())))) {
				rest = rest.substring(said.length()).replaceFirst("^[\\s:;,\\-–—]+", "");
				break;
			}
		}
		return rest.isEmpty() ? label : label + ": " + rest;
	}
}
