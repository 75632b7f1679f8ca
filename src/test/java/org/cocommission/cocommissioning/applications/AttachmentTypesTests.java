package org.cocommission.cocommissioning.applications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments are recognised by content, not by name. */
public class AttachmentTypesTests {

	@Test
	void recognisesPdfWordAndExcelByTheirContent() throws IOException {
		assertThat(Attachments.detect(pdf())).contains(Attachments.Kind.PDF);
		assertThat(Attachments.detect(office("word/document.xml"))).contains(Attachments.Kind.DOCX);
		assertThat(Attachments.detect(xlsx())).contains(Attachments.Kind.XLSX);
	}

	@Test
	void refusesOtherContentWhateverItIsCalled() throws IOException {
		assertThat(Attachments.detect("MZ not really a document".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(Attachments.detect(office("readme.txt"))).isEmpty();
		assertThat(Attachments.detect(new byte[] { 'P', 'K', 3, 4, 0, 0 })).isEmpty();
	}

	public static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] office(String part) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(part));
			zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	static byte[] xlsx() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("Budget").createRow(0).createCell(0).setCellValue("Delegated budget");
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
