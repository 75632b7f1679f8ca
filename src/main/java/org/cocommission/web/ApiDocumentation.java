package org.cocommission.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the JSON API describes itself at /v3/api-docs and in Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI coCommissionApi() {
		return new OpenAPI()
			.info(new Info().title("CoCommission API")
				.version("v1")
				.description("Primary care co-commissioning for NHS England and CCGs. Everything the pages show, as JSON."
						+ " Errors are RFC 9457 problem details. Sign in with HTTP Basic (local accounts) or the browser"
						+ " session; published data needs no sign-in."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}
}
