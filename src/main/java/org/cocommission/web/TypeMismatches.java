package org.cocommission.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The words for a request parameter or path variable that does not read as its type ({@code year=2014}, a financial
 * year by its first year alone, which only the finance baselines' {@code startYear} reads, as 2014/15;
 * {@code level=county}; {@code date=September}), looked up in messages.properties as a form field's would be:
 * {@code typeMismatch.<parameter>}, then {@code typeMismatch.<type>}, then {@code typeMismatch}.
 */
final class TypeMismatches {

	private TypeMismatches() {
	}

	static MessageSourceResolvable message(TypeMismatchException ex) {
		String name = ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		return new DefaultMessageSourceResolvable(new String[] { "typeMismatch." + name,
				"typeMismatch." + (type == null ? "" : type.getName()), "typeMismatch" }, new Object[] { name },
				"Enter a valid value");
	}
}
