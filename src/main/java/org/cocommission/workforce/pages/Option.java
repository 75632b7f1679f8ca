package org.cocommission.workforce.pages;

/** A choice on a workforce page (a measure, a level, a month): its value and its label in words. */
public record Option(String value, String label) {
}
