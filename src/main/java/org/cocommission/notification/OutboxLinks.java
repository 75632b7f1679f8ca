package org.cocommission.notification;

import java.util.Optional;

/**
 * Makes the one-time link of an e-mail at the moment the outbox sends it, so that a usable link is never stored: the
 * outbox keeps the body with {@link Notifications#LINK} in its place and a reference to ask for the link with. A module
 * whose e-mails carry such links declares one bean of this type per {@link #kind()}.
 */
public interface OutboxLinks {

	/** The kind of link made, as given to {@link Notifications#emailWithLink}. */
	String kind();

	/**
	 * A new link for the reference, called in the transaction that sends the e-mail (so a link is stored as made only
	 * if the e-mail is marked sent or retried); empty when the link is no longer wanted (used, withdrawn or expired),
	 * and the e-mail is then not sent.
	 */
	Optional<Link> make(String reference);

	/**
	 * A link made: its path (made absolute with the base URL) and the reference to ask with if the e-mail must be tried
	 * again, since making a link may retire the one before.
	 */
	record Link(String path, String nextReference) {
	}
}
