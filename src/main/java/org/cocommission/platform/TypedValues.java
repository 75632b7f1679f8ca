package org.cocommission.platform;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;

/**
 * How a module's pages read what people type, registered on its binders by the module's own binding advice: numbers
 * as written in a spreadsheet ({@code 10,400,000}, {@code £5.00}, {@code 2.14%}) and financial years written
 * {@code 2014/15} or {@code 2014-15}. A value that does not read is a field error (typeMismatch, worded in
 * messages.properties), and the form's other fields are still checked, so the page shows every problem at once.
 */
public final class TypedValues {

	private final ConvertedFields convertedFields;

	/** {@code mvcValidator}: Boot's MVC validator (bean {@code mvcValidator}), which wraps Bean Validation's. */
	public TypedValues(Validator mvcValidator) {
		this.convertedFields = new ConvertedFields(new SpringValidatorAdapter(
				((SmartValidator) mvcValidator).unwrap(jakarta.validation.Validator.class)));
	}

	public void registerOn(WebDataBinder binder) {
		checkConvertedFieldsOn(binder);
		binder.registerCustomEditor(BigDecimal.class, new TypedNumber());
		binder.registerCustomEditor(FinancialYear.class, new Year());
	}

	/**
	 * Only the check of the fields that did convert, for a module whose forms take values as Spring reads them
	 * (governance): after one mistyped value, the page still shows what else is missing.
	 */
	public void checkConvertedFieldsOn(WebDataBinder binder) {
		if (binder.getTarget() == null) {
			binder.addValidators(convertedFields);
		}
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

	/**
	 * Checks each field of a form record that did convert when another did not: Spring validates a record it could
	 * make by method validation, but skips one it could not, and sets the MVC validator aside for {@code @Valid}
	 * arguments. This one only checks single values, never whole records, so nothing is checked twice.
	 */
	private record ConvertedFields(SmartValidator delegate) implements SmartValidator {

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
}
