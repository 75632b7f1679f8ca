package org.cocommission.authorisation.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cocommission.authorisation.AssessmentMethod;
import org.cocommission.authorisation.CarriedCondition;
import org.cocommission.authorisation.Framework;
import org.cocommission.authorisation.SupportLevel;


/**
 * A CCG's application to a wave, criterion by criterion: the evidence, the assessors' recommendations at the desktop
 * review and the site visit, and the panel's finding once decided; for a CCG created by a merger, the conditions of
 * the CCGs it replaced still in force (docs/domain-rules.md, "CCG authorisation").
 */
public record Application(long id, String ccgCode, int wave, Status status, String selfAssessment, Instant submittedAt,
		LocalDate siteVisitOn, String siteVisitNote, LocalDate decidedOn, List<String> assessors,
		List<CriterionFile> criteria, List<CarriedCondition> carriedConditions) {

	/** Draft (the CCG adds evidence), submitted (assessed), decided (the panel's outcome recorded). */
	public enum Status {

		DRAFT("Draft"), SUBMITTED("Submitted for assessment"), DECIDED("Decided by the panel");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Stage {

		DESKTOP("Desktop review"), SITE_VISIT("Site visit");

		private final String label;

		Stage(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record CriterionFile(Framework.Criterion criterion, List<Evidence> evidence, Recommendation desktop,
			Recommendation siteVisit, Finding finding) {

		/** Whether evidence must be submitted for it: any criterion assessed at the desktop review or the site visit. */
		public boolean needsEvidence() {
			return criterion.assessedBy().contains(AssessmentMethod.DESKTOP)
					|| criterion.assessedBy().contains(AssessmentMethod.SITE_VISIT);
		}
	}

	public record Evidence(long id, String criterionCode, String title, String url, String fileName, String addedBy) {
	}

	public record Recommendation(String criterionCode, Stage stage, boolean met, String note, String assessedBy) {
	}

	public record Finding(String criterionCode, boolean met, SupportLevel supportLevel, boolean directions) {
	}
}
