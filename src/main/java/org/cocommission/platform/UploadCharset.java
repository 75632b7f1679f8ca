package org.cocommission.platform;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The character set of a CSV file uploaded on a page, chosen on the import form: UTF-8 unless the person says the file
 * is Windows-1252, as Excel saves "CSV (Comma delimited)" in England. Either way the file is decoded strictly by
 * {@link StrictText}, the one rule every import follows (docs/domain-rules.md#input-every-request-follows); the API
 * declares the same choice in its content type ({@code text/csv;charset=windows-1252}).
 */
public enum UploadCharset {

	UTF_8(StandardCharsets.UTF_8, "UTF-8 (the default)"),

	WINDOWS_1252(Charset.forName("windows-1252"), "Windows-1252 (a CSV file saved by Excel)");

	/** The form field that holds the choice, on every import form. */
	public static final String FIELD = "charset";

	private final Charset charset;

	private final String label;

	UploadCharset(Charset charset, String label) {
		this.charset = charset;
		this.label = label;
	}

	/** The choice as the form's radios offer it: value to label, UTF-8 first. */
	public static Map<String, String> choices() {
		Map<String, String> choices = new LinkedHashMap<>();
		Arrays.stream(values()).forEach(choice -> choices.put(choice.name(), choice.label));
		return choices;
	}

	/** The choice on a form, UTF-8 when none was made. */
	public static UploadCharset orDefault(UploadCharset chosen) {
		return chosen == null ? UTF_8 : chosen;
	}

	public Charset charset() {
		return charset;
	}

	public String label() {
		return label;
	}

	/**
	 * The file read strictly in this character set, as UTF-8. Refused with the line and byte offset when a byte is not
	 * of it; the refusal of a UTF-8 file says how to choose Windows-1252 on the form.
	 */
	public InputStream decode(InputStream raw) {
		return new StrictText(raw, charset, this == UTF_8
				? "or, if Excel saved it, choose \"" + WINDOWS_1252.label + "\" as the file's character set and upload it again"
				: "and choose \"" + UTF_8.label + "\" as the file's character set");
	}
}
