package org.cocommission.outcomes;

/**
 * What other modules may do with discussion threads (the synthetic demo starts and answers a few). Discussions are a
 * nested module that only outcomes may reach, so its service is offered to the rest through this interface.
 */
public interface DiscussionThreads {

	/** Whether any thread exists. */
	boolean any();

	/** Starts a thread as the signed-in user and returns it. */
	Discussion start(DiscussionStart request);

	/** Adds a comment to thread {@code id} as the signed-in user. */
	void reply(long id, DiscussionReply request);
}
