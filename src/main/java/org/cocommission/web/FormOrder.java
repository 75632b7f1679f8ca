package org.cocommission.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.validation.BindingResult;

/**
 * A form's problems in the order of its fields, for the error summary at the top of a page. The binding result lists
 * them in the order they were found: conversion failures first, then Bean Validation's, which come from a set; read top
 * to bottom, the summary would jump around the form. A form record declares its fields in the order the page shows
 * them, so that order is the page's (a form that failed to bind has no object to read it from, and one that is not a
 * record no declared order: their problems keep the order found). Problems with the form as a whole come first, then
 * each field's, nested fields ({@code items[0].title}) with their field; a field the form does not declare goes last.
 */
public class FormOrder {

	/** The form's problems in the order of its fields; the order found where the form is unknown or not a record. */
	public List<DetailedError> of(List<DetailedError> errors, BindingResult result) {
		return of(errors, result != null ? result.getTarget() : null);
	}

	List<DetailedError> of(List<DetailedError> errors, Object form) {
		if (errors == null || form == null || !form.getClass().isRecord()) {
			return errors;
		}
		List<String> fields = Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
		List<DetailedError> ordered = new ArrayList<>(errors);
		ordered.sort(Comparator.comparingInt(error -> position(error, fields)));
		return ordered;
	}

	private static int position(DetailedError error, List<String> fields) {
		if (error.isGlobal()) {
			return -1;
		}
		int index = fields.indexOf(rootOf(error.getFieldName()));
		return index < 0 ? fields.size() : index;
	}

	/** {@code items[0].title} belongs to {@code items}. */
	private static String rootOf(String fieldName) {
		int end = fieldName.length();
		for (char separator : new char[] { '.', '[' }) {
			int at = fieldName.indexOf(separator);
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		return fieldName.substring(0, end);
	}
}
