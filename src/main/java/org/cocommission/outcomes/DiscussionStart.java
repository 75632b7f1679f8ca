package org.cocommission.outcomes;

/**
 * Starting a discussion: on which organisation's (CCG or practice) indicator, optionally which period and which peer it
 * is started with, its title and first comment, whether that comment is shared with the audience or kept to the
 * author's organisation, and which chart (deciles, funnel, spine or none) it refers to.
 */
public record DiscussionStart(String orgCode, String indicatorId, String period, String peerCode, String title,
		String text, Boolean published, String chart) {
}
