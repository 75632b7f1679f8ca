package org.cocommission.outcomes;

/**
 * A comment on a discussion: its text (with {@code @username} mentions), whether it is shared with the thread's
 * audience or kept to the author's organisation, and the chart it refers to (deciles, funnel, spine or none; a funnel
 * plot for {@code period}, by default the thread's or the latest).
 */
public record DiscussionReply(String text, Boolean published, String chart, String period) {
}
