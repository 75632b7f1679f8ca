package org.cocommission.qualitypremium.runs;

import org.cocommission.qualitypremium.QualityPremiumAccess;
import org.cocommission.qualitypremium.QualityPremiumPageController;
import org.cocommission.qualitypremium.QualityPremiumStatementsPublished;
import org.cocommission.qualitypremium.RunSummary;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells each CCG of a published run that its statement is out. Synchronous, so the notices commit with the
 * publication or not at all.
 */
@Component
class StatementNotices {

	private final QualityPremiumAccess access;

	StatementNotices(QualityPremiumAccess access) {
		this.access = access;
	}

	@EventListener
	void on(QualityPremiumStatementsPublished published) {
		RunSummary run = published.after();
		String yearPath = QualityPremiumPageController.path(run.year());
		for (String ccg : published.ccgCodes()) {
			access.noticeCcg(ccg, "Quality premium " + run.year() + " statement published",
					"Your CCG's quality premium statement for " + run.year() + " is published.",
					"/quality-premium/statements/" + yearPath + "/" + ccg);
		}
	}
}
