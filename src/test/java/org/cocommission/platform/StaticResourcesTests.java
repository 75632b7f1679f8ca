package org.cocommission.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The pages' assets are served at the versioned URLs the templates name, without a resource chain: with one, the
 * URL-encoding filter looked each page link up on the classpath, which made a league table page take seconds.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticResourcesTests {

	private final MockMvc mvc;

	private final ApplicationContext context;

	@Autowired
	StaticResourcesTests(MockMvc mvc, ApplicationContext context) {
		this.mvc = mvc;
		this.context = context;
	}

	@Test
	void pageLinksAreNotResolvedAgainstTheClasspath() {
		assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
			.extracting(FilterRegistrationBean::getFilter)
			.noneMatch(ResourceUrlEncodingFilter.class::isInstance);
		assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
	}

	@Test
	void theVersionedWebjarsTheTemplatesNameAreServed() throws Exception {
		mvc.perform(get("/webjars/echarts/5.5.0/echarts.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("echarts")));
		mvc.perform(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js")).andExpect(status().isOk());
	}
}
