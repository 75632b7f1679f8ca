package org.cocommission.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Change column of the public register of contract decisions says the kind once (issue 22). */
class ContractDecisionTests {

	private static String change(CaseKind kind, String title) {
		return new ContractDecision(1, "A81001", "High Street Surgery", kind, title, null, null, null, null).change();
	}

	@Test
	void aTitleThatStartsWithTheKindDoesNotRepeatIt() {
		assertThat(change(CaseKind.LIST_CLOSURE, "List closure: six months"))
			.isEqualTo("List closure application: six months");
		assertThat(change(CaseKind.MERGER, "Practice merger - Market Square into High Street"))
			.isEqualTo("Practice merger: Market Square into High Street");
		assertThat(change(CaseKind.APMS_EXPIRY, "APMS contract expiry")).isEqualTo("APMS contract expiry");
		assertThat(change(CaseKind.TERMINATION, "termination by notice")).isEqualTo("Termination: by notice");
	}

	@Test
	void aTitleOfItsOwnFollowsTheKind() {
		assertThat(change(CaseKind.LIST_CLOSURE, "Recruitment gap")).isEqualTo("List closure application: Recruitment gap");
		assertThat(change(CaseKind.VARIATION, "Contractual changes to opening hours"))
			.isEqualTo("Contract variation: Contractual changes to opening hours");
		assertThat(change(CaseKind.PMS_REVIEW, null)).isEqualTo("PMS review");
	}
}
