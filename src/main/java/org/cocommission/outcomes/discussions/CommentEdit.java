package org.cocommission.outcomes.discussions;

/** A comment's new text and the comment's version as read: the edit form and the API's body. */
record CommentEdit(String text, int version) {
}
