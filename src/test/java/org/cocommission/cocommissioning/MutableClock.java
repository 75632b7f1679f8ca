package org.cocommission.cocommissioning;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests set, so deadlines and go-live dates can be reached without waiting. Its zone is England's, as on
 * a server in England, so that other modules' "today" agrees with the go-live job's.
 */
public final class MutableClock extends Clock {

	private volatile Instant now = Instant.parse("2014-12-01T10:00:00Z");

	public void set(Instant instant) {
		now = instant;
	}

	@Override
	public ZoneId getZone() {
		return Round.LONDON;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock outer = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return outer.withZone(other);
			}

			@Override
			public Instant instant() {
				return outer.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		return now;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}
	}
}
