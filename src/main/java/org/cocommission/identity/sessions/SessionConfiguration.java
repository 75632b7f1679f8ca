package org.cocommission.identity.sessions;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

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
}
