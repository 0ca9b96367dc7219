package cn.emall.enforcement.run;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A run's report as CSV (UTF-8 with a byte-order mark, so that Excel shows the Chinese names) and
 * XLSX: one row per action with the supplier, credit code, listing, rule, evidence and deadline.
 */
@ApplicationScoped
public class ReportDownloads {

    static final List<String> HEADER = List.of("run", "asOf", "dryRun", "rule", "action", "supplierId", "supplierName",
            "creditCode", "productId", "listing", "noticeId", "deadline", "evidence");

    private final RunReports reports;

    public ReportDownloads(RunReports reports) {
        this.reports = reports;
    }

    public void csv(RunReport report, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writeCsvLine(writer, HEADER);
            reports.eachAction(report.id(), a -> {
                try {
                    writeCsvLine(writer, cells(report, a));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void xlsx(RunReport report, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("run " + report.id());
            writeRow(sheet.createRow(0), HEADER);
            int[] next = {1};
            reports.eachAction(report.id(), a -> writeRow(sheet.createRow(next[0]++), cells(report, a)));
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(RunReport report, RunReport.Action a) {
        return List.of(String.valueOf(report.id()), report.asOf().toString(), String.valueOf(report.dryRun()), a.rule(), a.action(),
                String.valueOf(a.supplierId()), a.supplierName(), a.creditCode(), text(a.productId()), text(a.listing()),
                text(a.noticeId()), text(a.deadline()), a.evidence() == null ? "" : a.evidence().toString());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void writeRow(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    private static void writeCsvLine(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that a spreadsheet never runs it as a formula. */
    static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
