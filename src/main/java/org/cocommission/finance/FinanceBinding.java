package org.cocommission.finance;

import org.cocommission.platform.TypedValues;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
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

	private final TypedValues typedValues;

	FinanceBinding(@Qualifier("mvcValidator") Validator validator) {
		this.typedValues = new TypedValues(validator);
	}

	@InitBinder
	void typedValues(WebDataBinder binder) {
		typedValues.registerOn(binder);
	}
}
