package org.cocommission.outcomes.read;

/**
 * One page of an indicator's league table as the page shows it: how many organisations it has, which of its pages
 * this is, and the rows of that page written as HTML ({@link IndicatorTables#league}).
 */
record LeagueTable(int rowCount, int page, int pageCount, String html) {

	static final int PAGE_SIZE = 50;
}
