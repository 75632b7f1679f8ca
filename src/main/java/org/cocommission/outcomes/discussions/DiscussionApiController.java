package org.cocommission.outcomes.discussions;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;

import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionReply;
import org.cocommission.outcomes.DiscussionStart;
import org.cocommission.platform.PageOf;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Peer discussion for machines, with the same access rules as the pages. */
@RestController
@RequestMapping("/api/v1/outcomes/discussions")
@Tag(name = "Outcomes discussions",
		description = "Threads on an indicator for a CCG or practice, seen by the organisation, those above it and its peers")
class DiscussionApiController {

	private final Discussions discussions;

	private final DiscussionCommentChanges changes;

	DiscussionApiController(Discussions discussions, DiscussionCommentChanges changes) {
		this.discussions = discussions;
		this.changes = changes;
	}

	@Operation(summary = "The threads you can see, newest activity first",
			description = "Optionally of one indicator and about (or started with) one organisation.")
	@GetMapping
	PageOf<Discussion> list(@ParameterObject DiscussionQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return discussions.list(query.indicator(), query.org(), page, size);
	}

	@Operation(summary = "A thread with the comments you may see, each with its captured chart",
			description = "404 when there is no such thread, 403 when it is not yours to see.")
	@GetMapping("/{id}")
	DiscussionView get(@PathVariable long id) {
		return discussions.get(id);
	}

	@Operation(summary = "Start a thread with its first comment",
			description = "chart: deciles, funnel, spine or none; published false keeps the comment to your organisation"
					+ " and those above it. 400 with errors per field, nothing saved, on any invalid field or mention.")
	@PostMapping
	ResponseEntity<Discussion> start(@RequestBody DiscussionStart request) {
		Discussion started = discussions.start(request);
		return ResponseEntity.created(URI.create("/api/v1/outcomes/discussions/" + started.id())).body(started);
	}

	@Operation(summary = "Add a comment, with @username mentions and optionally the chart it refers to")
	@PostMapping("/{id}/comments")
	ResponseEntity<DiscussionComment> comment(@PathVariable long id, @RequestBody DiscussionReply request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(discussions.comment(id, request));
	}

	@Operation(summary = "Edit the text of your comment",
			description = "Only its author, in an open thread; version: the comment's version as read (409 if it has"
					+ " changed). The comment is marked edited with the time, the previous text kept in the audit trail;"
					+ " people newly @mentioned are told once. 400 with errors per field, nothing saved, on bad text or"
					+ " mention.")
	@PutMapping("/{id}/comments/{commentId}")
	DiscussionComment edit(@PathVariable long id, @PathVariable long commentId, @RequestBody CommentEdit request) {
		return changes.edit(id, commentId, request.text(), request.version());
	}

	@Operation(summary = "Publish a draft comment to everyone in the discussion",
			description = "By its author or a user of its organisation, in an open thread; version: the comment's"
					+ " version as read (409 if it has changed). The people it mentions who could not see the draft"
					+ " are told now.")
	@PostMapping("/{id}/comments/{commentId}/publish")
	DiscussionComment publish(@PathVariable long id, @PathVariable long commentId, @RequestParam int version) {
		return changes.publish(id, commentId, version);
	}

	@Operation(summary = "Close a thread", description = "version: the thread's version as read; 409 if it has changed.")
	@PostMapping("/{id}/close")
	Discussion close(@PathVariable long id, @RequestParam int version) {
		return discussions.close(id, version);
	}

	@Operation(summary = "Reopen a closed thread", description = "version: the thread's version as read; 409 if it has changed.")
	@PostMapping("/{id}/reopen")
	Discussion reopen(@PathVariable long id, @RequestParam int version) {
		return discussions.reopen(id, version);
	}

	@ExceptionHandler(DiscussionInputException.class)
	ResponseEntity<ProblemDetail> invalid(DiscussionInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad request");
		problem.setProperty("errors", ex.fieldErrors());
		return ResponseEntity.badRequest().body(problem);
	}
}
