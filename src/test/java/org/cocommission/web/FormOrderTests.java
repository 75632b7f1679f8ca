package org.cocommission.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.util.DetailedError;

import static org.assertj.core.api.Assertions.assertThat;

class FormOrderTests {

	record Gift(String person, String description, List<String> items, String offeredOn) {
	}

	private final FormOrder order = new FormOrder();

	@Test
	void problemsFollowTheFieldsOfTheFormWithTheFormsOwnFirst() {
		var errors = List.of(error("offeredOn"), error("items[1].title"), error("unknown"), error("person"),
				new DetailedError("form", null, "The whole form"), error("description"));

		assertThat(order.of(errors, new Gift(null, null, null, null))).extracting(this::nameOf)
			.containsExactly("(form)", "person", "description", "items[1].title", "offeredOn", "unknown");
	}

	@Test
	void withoutAFormTheOrderIsKept() {
		var errors = List.of(error("b"), error("a"));

		assertThat(order.of(errors, (Object) null)).isSameAs(errors);
	}

	@Test
	void aFormThatIsNotARecordKeepsTheOrderFound() {
		var errors = List.of(error("b"), error("a"));

		assertThat(order.of(errors, new Object())).isSameAs(errors);
	}

	private String nameOf(DetailedError error) {
		return error.isGlobal() ? "(form)" : error.getFieldName();
	}

	private static DetailedError error(String field) {
		return new DetailedError(field, "code", null, "Problem with " + field);
	}
}
