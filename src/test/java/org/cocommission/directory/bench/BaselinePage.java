package org.cocommission.directory.bench;

import org.cocommission.identity.UrlRules;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The directory pages bench's baseline: the site's layout around a paragraph, open to anyone, reading nothing and
 * writing nothing. The sign-in page was the baseline before, but its form's CSRF token makes a session: each client
 * wrote a session row and then sent its cookie with every page, so every page measured read (and touched) a session
 * too. Test code only: {@link TestComponent} keeps it out of every component scan while spring-boot-test is on the
 * class path, the bench's included, so the bench names it as a source of its application.
 */
@TestComponent
@Controller
class BaselinePage {

	static final String PATH = "/bench/baseline";

	@GetMapping(PATH)
	String baseline() {
		return "bench/baseline";
	}

	@Bean
	static UrlRules benchBaselineUrlRules() {
		return UrlRules.publicReads(PATH);
	}
}
