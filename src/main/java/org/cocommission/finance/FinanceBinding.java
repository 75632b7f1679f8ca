package org.cocommission.finance;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import org.cocommission.platform.FinancialYear;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How the finance pages read what people type, for every form record, request parameter and path variable of the
 * module: numbers as written in a spreadsheet (thousands separators, a pound or per cent sign) and financial years
 * written {@code 2014/15} or {@code 2014-15}. A value that does not read is a field error (typeMismatch, worded in
 * messages.properties).
 */
@ControllerAdvice(basePackageClasses = FinanceBinding.class)
class FinanceBinding {

	private final FormFields formFields;

	FinanceBinding(@Qualifier("mvcValidator") Validator validator) {
		// Boot's MVC validator checks whole objects only; the Bean Validation one under it checks single values too.
		this.formFields = new FormFields(
				new SpringValidatorAdapter(((SmartValidator) validator).unwrap(jakarta.validation.Validator.class)));
	}

	@InitBinder
	void typedValues(WebDataBinder binder) {
		if (binder.getTarget() == null) {
			binder.addValidators(formFields);
		}
		binder.registerCustomEditor(BigDecimal.class, new TypedNumber());
		binder.registerCustomEditor(FinancialYear.class, new Year());
	}

	/** A number as typed, {@code 10,400,000}, {@code £5.00} or {@code 2.14%}; blank is no value. */
	static final class TypedNumber extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text == null || text.isBlank() ? null
					: new BigDecimal(text.trim().replace(",", "").replace("£", "").replace("%", "")));
		}

		@Override
		public String getAsText() {
			return getValue() instanceof BigDecimal number ? number.toPlainString() : "";
		}
	}

	/**
	 * Checks each field of a form record that did convert when another did not, so that the page shows every problem
	 * at once: Spring validates a record it could make by method validation, but skips one it could not, and sets the
	 * MVC validator aside for {@code @Valid} arguments. This one only checks single values, never whole records, so
	 * nothing is checked twice.
	 */
	private record FormFields(SmartValidator delegate) implements SmartValidator {

		@Override
		public boolean supports(Class<?> type) {
			return delegate.supports(type);
		}

		@Override
		public void validate(Object target, Errors errors) {
			// Whole records are method validation's.
		}

		@Override
		public void validate(Object target, Errors errors, Object... hints) {
			// Whole records are method validation's.
		}

		@Override
		public void validateValue(Class<?> type, String field, Object value, Errors errors, Object... hints) {
			delegate.validateValue(type, field, value, errors, hints);
		}
	}

	/** A financial year, {@code 2014/15} or {@code 2014-15}; blank is no value. */
	static final class Year extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text == null || text.isBlank() ? null : FinancialYear.parse(text));
		}

		@Override
		public String getAsText() {
			return getValue() == null ? "" : getValue().toString();
		}
	}
}
