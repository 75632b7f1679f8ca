package org.cocommission.governance.meetings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.Attendance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceFixture;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.Vote;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22, defect 2: a meeting dated 15 December had its outcome recorded and published on 6 December, with every
 * member present. Nothing that happens at a meeting is recorded before its day; minutes are public once approved.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(GovernanceFixture.class)
@RecordApplicationEvents
class MeetingDatesTests {

	@Autowired
	Governance governance;

	@Autowired
	GovernanceFixture fixture;

	@BeforeEach
	void directoryAndUsers() {
		fixture.directoryAndUsers();
	}

	@Test
	void attendanceVotesAndOutcomesOfAMeetingNotYetHeldAreRefusedAndNothingIsPublished() {
		var committee = fixture.committee("future");
		LocalDate nineDaysOn = LocalDate.now(ZoneId.of("Europe/London")).plusDays(9);
		long meeting = governance.createMeeting("01A", new NewMeeting(committee.id(), nineDaysOn, "December meeting",
				List.of(new NewItem("Premises bid", ItemKind.DECISION, false, List.of()))));
		long item = governance.meeting(meeting).items().get(0).id();

		assertThatThrownBy(() -> governance.recordOutcome(item, new Outcome(ItemStatus.APPROVED, "Approved", null, 0)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("record its outcome on or after that day");
		assertThatThrownBy(() -> governance.vote(item, new CastVote(committee.layChair(), Vote.FOR)))
			.hasMessageContaining("record votes on or after that day");
		assertThatThrownBy(() -> governance.recordAttendance(meeting, new Attendance(List.of(committee.layChair()))))
			.hasMessageContaining("record attendance on or after that day");
		assertThatThrownBy(() -> governance.approveMinutes(meeting))
			.hasMessageContaining("on or after that day");

		assertThat(governance.meeting(meeting).attendanceRecorded()).isFalse();
		assertThat(governance.meeting(meeting).items().get(0).isOpen()).isTrue();
		assertThat(governance.decisions("01A", false)).noneMatch(row -> row.meetingId() == meeting);
	}

	@Test
	void aMeetingHeldTodayTakesItsRecordsAndItsMinutesArePublishedOnlyOnceApproved() {
		var committee = fixture.committee("today");
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		long meeting = governance.createMeeting("01A", new NewMeeting(committee.id(), today, "Today's meeting",
				List.of(new NewItem("Premises bid", ItemKind.DECISION, false, List.of()))));
		long item = governance.meeting(meeting).items().get(0).id();

		governance.recordOutcome(item, new Outcome(ItemStatus.APPROVED, "Approved", null, 0));
		assertThatThrownBy(() -> governance.publishedMinutes(meeting)).hasMessageContaining("No published minutes");

		governance.approveMinutes(meeting);

		assertThat(governance.publishedMinutes(meeting).minutesApprovedOn()).isEqualTo(today);
	}
}
