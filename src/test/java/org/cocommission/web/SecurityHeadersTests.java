package org.cocommission.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A Content-Security-Policy that refuses inline script, which pages can keep because none of theirs is inline. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

	private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

	@Autowired
	private MockMvc mvc;

	@Test
	void pagesRefuseInlineScriptAndHoldNone() throws Exception {
		var response = mvc.perform(get("/coverage")).andReturn().getResponse();

		String policy = response.getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self';").contains("object-src 'none'").contains("frame-ancestors 'none'");
		assertThat(policy).doesNotContain("script-src 'self' 'unsafe");
		Matcher scripts = SCRIPT.matcher(response.getContentAsString());
		int found = 0;
		while (scripts.find()) {
			found++;
			assertThat(scripts.group(1)).as("every script is a file").contains("src=");
		}
		assertThat(found).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theApiCarriesThePolicyToo() throws Exception {
		assertThat(mvc.perform(get("/api/v1/search").param("q", "x")).andReturn().getResponse()
			.getHeader("Content-Security-Policy")).contains("default-src 'self'");
	}
}
