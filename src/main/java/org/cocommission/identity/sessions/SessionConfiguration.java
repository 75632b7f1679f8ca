package org.cocommission.identity.sessions;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions stay Spring Boot's JDBC sessions (its settings, schema and clean-up); only the repository the session
 * filter and the account administration use is wrapped, so that a request that changes nothing but the last access
 * writes nothing. (Declaring a repository bean instead would turn Spring Boot's JDBC session configuration off.)
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	static BeanPostProcessor lastAccessWrittenEveryMinute() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository jdbc ? new LastAccessWrittenEveryMinute(jdbc) : bean;
			}
		};
	}

	/** Just outside Spring Session's filter, so that its commits at the end of a request find the session read. */
	@Bean
	FilterRegistrationBean<SessionReadOncePerRequest> sessionReadOncePerRequest(
			FindByIndexNameSessionRepository<?> sessions) {
		var registration = new FilterRegistrationBean<>(
				new SessionReadOncePerRequest((LastAccessWrittenEveryMinute) sessions));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}
}
