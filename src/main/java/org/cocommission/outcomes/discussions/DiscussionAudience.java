package org.cocommission.outcomes.discussions;

import java.util.LinkedHashSet;
import java.util.Set;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;

import org.springframework.stereotype.Component;

/**
 * Who sees a discussion, in one place (issue 5, item 6: "visible to the organisation, its peers and its area team").
 * A thread on an organisation is seen by national users, by the organisation's own users and those above it (its CCG
 * for a practice, its area team), by its peers' users, and by the users of the peer it was started with. A published
 * comment is seen by everyone who sees the thread; an unpublished one only by its author's organisation and those above
 * it (its area team, NHS England): other organisations never see it.
 */
@Component
class DiscussionAudience {

	private final AccessPolicy access;

	private final PeerGroups peerGroups;

	private final PracticePeerGroups practicePeerGroups;

	private final Directory directory;

	DiscussionAudience(AccessPolicy access, PeerGroups peerGroups, PracticePeerGroups practicePeerGroups,
			Directory directory) {
		this.access = access;
		this.peerGroups = peerGroups;
		this.practicePeerGroups = practicePeerGroups;
		this.directory = directory;
	}

	boolean canSee(CurrentUser user, Discussion discussion) {
		return canSee(user, discussion.orgCode(), discussion.orgType(), discussion.peerCode());
	}

	/** Whether {@code user} would see a thread on {@code orgCode} (of {@code orgType}) started with {@code peerCode}. */
	boolean canSee(CurrentUser user, String orgCode, String orgType, String peerCode) {
		if (isHome(user, orgCode)) {
			return true;
		}
		String own = user.organisationCode();
		return own != null && (own.equals(peerCode) || peers(orgCode, orgType).contains(own));
	}

	/** The organisation's own users and those above it: they see its drafts and may close its threads. */
	boolean isHome(CurrentUser user, String orgCode) {
		return user.isNational() || access.canSee(user, orgCode);
	}

	/** A comment: published to the thread's audience, or only to its author's organisation and those above it. */
	boolean canSee(CurrentUser user, Discussion discussion, boolean published, String authorOrg) {
		if (!canSee(user, discussion)) {
			return false;
		}
		return published || user.isNational() || (authorOrg != null && access.canSee(user, authorOrg));
	}

	/**
	 * The peers of an organisation, whose users see its threads: a CCG's 10 most similar CCGs; a practice's 10 most
	 * similar practices in England, and the other member practices of its CCG, which already compare themselves with
	 * each other on the practice pages.
	 */
	Set<String> peers(String orgCode, String orgType) {
		Set<String> peers = new LinkedHashSet<>();
		if ("CCG".equals(orgType)) {
			peerGroups.peersOrEmpty(orgCode).forEach(peer -> peers.add(peer.ccgCode()));
			return peers;
		}
		practicePeerGroups.practicePeers(orgCode).forEach(peer -> peers.add(peer.practiceCode()));
		String ccg = ccgOf(orgCode);
		if (ccg != null) {
			for (OrganisationSummary practice : directory.children(ccg, directory.today())) {
				if (practice.type() == OrganisationType.GP_PRACTICE && !practice.code().equals(orgCode)) {
					peers.add(practice.code());
				}
			}
		}
		return peers;
	}

	/** The CCG a practice belongs to today, or null. */
	String ccgOf(String practiceCode) {
		return directory.parentChain(practiceCode, directory.today())
			.stream()
			.filter(parent -> parent.type() == OrganisationType.CCG)
			.map(OrganisationRef::code)
			.findFirst()
			.orElse(null);
	}
}
