package org.cocommission.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWordsTests {

	@Test
	void aRecordShownWholeHasItsCodesInWordsAndItsFieldNamesAndAcronymsAsTheyAre() {
		assertThat(AuditWords.json("{\"kind\":\"LIST_CLOSURE\",\"status\":\"RECEIVED\",\"type\":\"APMS\",\"title\":\"Closing\"}"))
			.isEqualTo("{\"kind\":\"List closure\",\"status\":\"Received\",\"type\":\"APMS\",\"title\":\"Closing\"}");
	}

	@Test
	void aListRecordedWholeHasItsCodesInWords() {
		assertThat(AuditWords.value("[{role=GP_MEMBER, handling=MAY_NOT_VOTE, type=CCG, name=DR SMITH}]"))
			.isEqualTo("[{role=GP member, handling=May not vote, type=CCG, name=DR SMITH}]");
	}

	@Test
	void aRecordKeptAsJsonInAFieldHasItsCodesInWords() {
		assertThat(AuditWords.value("[{\"role\":\"GP_MEMBER\",\"kind\":\"DECISION\"}]"))
			.isEqualTo("[{\"role\":\"GP member\",\"kind\":\"Decision\"}]");
	}

	/** Issue 22: the crawl found "null" and "[]" on the audit trail. */
	@Test
	void nothingRecordedReadsNone() {
		assertThat(AuditWords.json("{\"to\":null,\"members\":[],\"extra\":{},\"list\":[null, 1]}"))
			.isEqualTo("{\"to\":none,\"members\":none,\"extra\":none,\"list\":[none, 1]}");
		assertThat(AuditWords.value("[]")).isEqualTo("none");
		assertThat(AuditWords.value("null")).isEqualTo("none");
		assertThat(AuditWords.value("2015-04-01")).isEqualTo("1 April 2015");
		assertThat(AuditWords.json("{\"from\":\"2005-08-01\",\"at\":\"2026-12-07T06:46:00Z\"}"))
			.isEqualTo("{\"from\":\"1 August 2005\",\"at\":\"2026-12-07T06:46:00Z\"}");
		assertThat(AuditWords.value("{to=null, members=[], kind=DECISION}")).isEqualTo("{to=none, members=none, kind=Decision}");
	}
}
