package org.cocommission.governance.web;

import org.cocommission.platform.TypedValues;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How the governance forms are checked when a value does not convert (a date or an amount mistyped): the fields that
 * did convert are still checked, so the page shows every problem at once. Values are read as Spring reads them.
 */
@ControllerAdvice(basePackageClasses = GovernanceBinding.class)
public class GovernanceBinding {

	private final TypedValues typedValues;

	GovernanceBinding(@Qualifier("mvcValidator") Validator validator) {
		this.typedValues = new TypedValues(validator);
	}

	@InitBinder
	void convertedFields(WebDataBinder binder) {
		typedValues.checkConvertedFieldsOn(binder);
	}
}
