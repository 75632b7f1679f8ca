package org.cocommission.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import de.siegmar.fastcsv.writer.CsvWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Downloads of what a page shows: CSV, XLSX (one sheet per table) and PDF (from an XHTML page). Text that a
 * spreadsheet would run as a formula is written with a leading quote.
 */
public final class Exports {

	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Exports() {
	}

	public static String csv(Table table) {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().build(out)) {
			csv.writeRecord(table.headings());
			for (List<Object> row : table.rows()) {
				csv.writeRecord(row.stream().map(Exports::csvCell).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	public static byte[] xlsx(Table... tables) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle heading = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			heading.setFont(bold);
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
				Row headings = sheet.createRow(0);
				for (int column = 0; column < table.headings().size(); column++) {
					Cell cell = headings.createCell(column);
					cell.setCellValue(table.headings().get(column));
					cell.setCellStyle(heading);
				}
				int rowIndex = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(rowIndex++);
					for (int column = 0; column < values.size(); column++) {
						write(row.createCell(column), values.get(column), money);
					}
				}
				sheet.createFreezePane(0, 1);
				for (int column = 0; column < table.headings().size(); column++) {
					sheet.setColumnWidth(column, Math.min(60, Math.max(10, table.headings().get(column).length() + 4)) * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Renders a well-formed XHTML document (e.g. a Thymeleaf print template) to PDF. */
	public static byte[] pdf(String xhtml) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ResponseEntity<String> csvDownload(Table table, String fileName) {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
			.body(csv(table));
	}

	public static ResponseEntity<byte[]> xlsxDownload(String fileName, Table... tables) {
		return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
			.body(xlsx(tables));
	}

	public static ResponseEntity<byte[]> pdfDownload(String xhtml, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
			.body(pdf(xhtml));
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName).build().toString();
	}

	private static void write(Cell cell, Object value, CellStyle money) {
		if (value == null) {
			cell.setBlank();
		}
		else if (value instanceof Money amount) {
			cell.setCellValue(amount.pounds().doubleValue());
			cell.setCellStyle(money);
		}
		else if (value instanceof BigDecimal decimal) {
			cell.setCellValue(decimal.doubleValue());
		}
		else if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
		else {
			cell.setCellValue(safeText(value.toString()));
		}
	}

	private static String csvCell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number || value instanceof Money) {
			return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
		}
		return safeText(value.toString());
	}

	/** Free text starting like a formula is prefixed with a quote, so a spreadsheet shows it rather than runs it. */
	public static String safeText(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}
}
