package org.cocommission.finance;

import java.beans.PropertyEditorSupport;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.TypedValues;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How the finance pages read what people type, for every form record, request parameter and path variable of the
 * module: numbers as written in a spreadsheet (thousands separators, a pound or per cent sign) and financial years
 * written {@code 2014/15} or {@code 2014-15}; the baselines API's {@code startYear} path variable also by its first
 * year, as the API documents it ({@code /baselines/2013/CORE_CCG} for 2013/14). A value that does not read is a field
 * error (typeMismatch, worded in messages.properties), which the API answers 400 naming the field.
 */
@ControllerAdvice(basePackageClasses = FinanceBinding.class)
class FinanceBinding {

	private final TypedValues typedValues;

	FinanceBinding(@Qualifier("mvcValidator") Validator validator) {
		this.typedValues = new TypedValues(validator);
	}

	@InitBinder
	void typedValues(WebDataBinder binder) {
		typedValues.registerOn(binder);
		if (START_YEAR.equals(binder.getObjectName())) {
			binder.registerCustomEditor(FinancialYear.class, new StartYear());
		}
	}

	/** The name of the path variable that names a financial year by its first year. */
	static final String START_YEAR = "startYear";

	/** A financial year by its first year, {@code 2013} for 2013/14, or written in full, {@code 2013-14}. */
	static final class StartYear extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			String year = text == null ? "" : text.trim();
			setValue(year.isEmpty() ? null
					: year.matches("\\d{4}") ? new FinancialYear(Integer.parseInt(year)) : FinancialYear.parse(year));
		}

		@Override
		public String getAsText() {
			return getValue() instanceof FinancialYear year ? String.valueOf(year.startYear()) : "";
		}
	}
}
