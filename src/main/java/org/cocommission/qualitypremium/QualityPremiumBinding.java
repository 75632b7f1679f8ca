package org.cocommission.qualitypremium;

import org.cocommission.platform.TypedValues;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How the quality premium pages and API read what people type, for every form record, request parameter and path
 * variable of the module: financial years written {@code 2013/14} or {@code 2013-14} (as in the pages' addresses),
 * and numbers with a pound or per cent sign. A value that does not read is a field error (typeMismatch, worded in
 * messages.properties).
 */
@ControllerAdvice(basePackageClasses = QualityPremiumBinding.class)
class QualityPremiumBinding {

	private final TypedValues typedValues;

	QualityPremiumBinding(@Qualifier("mvcValidator") Validator validator) {
		this.typedValues = new TypedValues(validator);
	}

	@InitBinder
	void typedValues(WebDataBinder binder) {
		typedValues.registerOn(binder);
	}
}
