package org.cocommission.cocommissioning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cocommission.governance.MemberRole;

/**
 * An application as pages and the API show it, with what is missing before it can be submitted and, for delegation,
 * part 2 as the area team recorded it (null until then).
 */
public record ApplicationView(long id, long roundId, String roundName, String ccgCode, String ccgName,
		CommissioningLevel level, ApplicationStatus status, Map<Section, String> sections, List<String> functions,
		List<CommitteeMember> committee, List<String> committeeProblems, List<String> missing,
		List<AttachmentInfo> attachments, List<Score> scores, Recommendation recommendation,
		String recommendationReasons, BoardDecision decision, String decisionReasons, List<Condition> conditions,
		List<HistoryLine> history, boolean historical, int version, AreaTeamAssurance part2) {

	public record CommitteeMember(long id, String name, MemberRole role, boolean voting, boolean chair) {
	}

	public record AttachmentInfo(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
			Instant uploadedAt) {
	}

	public record Score(long criterionId, String criterion, int score, String comment, String reviewer) {
	}

	public record Condition(long id, String text, LocalDate dischargedOn, String dischargedBy, String dischargeNote,
			int version) {

		public boolean discharged() {
			return dischargedOn != null;
		}
	}

	public record HistoryLine(ApplicationStatus from, ApplicationStatus to, String actor, String comment, Instant at) {

		public java.time.ZonedDateTime atInLondon() {
			return at.atZone(Round.LONDON);
		}
	}

	public String section(String name) {
		return sections.getOrDefault(Section.valueOf(name), "");
	}

	public boolean editable() {
		return status == ApplicationStatus.DRAFT || status == ApplicationStatus.INFORMATION_REQUESTED;
	}
}
