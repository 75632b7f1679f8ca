package org.cocommission.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The NHS.UK frontend's stylesheet without its {@code @font-face} rules. They name the licensed font on a remote host;
 * pages use the frontend's own fallback stack instead (static/css/cocommission.css), and with the rules in place
 * Chrome still asked the other origin for the font files, which the Content-Security-Policy then refused. Nothing a
 * page needs may come from another origin, so the rules are taken out once, when the stylesheet is first asked for.
 */
@Controller
class FrontendStylesheet {

	private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*}");

	private volatile String stylesheet;

	@GetMapping(value = "/nhsuk-frontend.min.css", produces = "text/css")
	ResponseEntity<String> stylesheet() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.body(withoutRemoteFonts());
	}

	private String withoutRemoteFonts() {
		String css = stylesheet;
		if (css == null) {
			try (InputStream in = new ClassPathResource("static/nhsuk-frontend.min.css").getInputStream()) {
				css = FONT_FACE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).replaceAll("");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The NHS.UK frontend stylesheet is missing from the build", ex);
			}
			stylesheet = css;
		}
		return css;
	}
}
