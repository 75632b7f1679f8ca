package org.cocommission.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Gives templates {@code #formOrder} ({@link FormOrder}). A dialect rather than a bean, so that every page, and
 * every {@code @WebMvcTest} slice, which includes dialects but not components, renders the error summary alike.
 */
@Component
class FormDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final FormOrder FORM_ORDER = new FormOrder();

	FormDialect() {
		super("CoCommission forms");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("formOrder");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return FORM_ORDER;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}
}
