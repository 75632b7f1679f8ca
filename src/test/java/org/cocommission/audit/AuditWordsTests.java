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
}
