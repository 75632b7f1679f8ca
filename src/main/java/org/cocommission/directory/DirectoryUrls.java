package org.cocommission.directory;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory is published: anyone may read it. Only NHS England loads the national files into it. */
@Configuration(proxyBeanMethods = false)
public class DirectoryUrls {

	@Bean
	UrlRules directoryUrlRules() {
		return UrlRules
			.publicReads("/", "/search", "/search/**", "/organisations", "/organisations/**", "/coverage",
					"/coverage.csv", "/organisations.csv", "/api/v1/organisations", "/api/v1/organisations/**",
					"/api/v1/search", "/api/v1/coverage", "/api/v1/coverage.csv", "/api/v1/directory/summary")
			.andNationalOnly("/directory/imports", "/directory/imports/**", "/api/v1/directory/imports/**");
	}
}
