package cn.emall.enforcement.run;

import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's report as CSV (UTF-8 with a byte-order mark, so that Excel shows the Chinese names) and
 * XLSX: one row per action with the supplier, credit code, listing, rule, evidence and deadline. The
 * column headers and the evidence labels are in the reader's language ({@link ReportLabels}): Chinese,
 * or English when asked for.
 */
@ApplicationScoped
public class ReportDownloads {

    private final RunReports reports;

    public ReportDownloads(RunReports reports) {
        this.reports = reports;
    }

    public void csv(RunReport report, OutputStream out, Locale locale) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writeCsvLine(writer, header(locale));
            reports.eachAction(report.id(), a -> {
                try {
                    writeCsvLine(writer, cells(report, a, locale));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void xlsx(RunReport report, OutputStream out, Locale locale) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(Msg.REPORT_SHEET.with(report.id()).in(locale));
            writeRow(sheet.createRow(0), header(locale));
            int[] next = {1};
            reports.eachAction(report.id(), a -> writeRow(sheet.createRow(next[0]++), cells(report, a, locale)));
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Locale locale) {
        return ReportLabels.COLUMNS.stream().map(column -> column.with().in(locale)).toList();
    }

    private static List<String> cells(RunReport report, RunReport.Action a, Locale locale) {
        return List.of(String.valueOf(report.id()), report.asOf().toString(), yesOrNo(report.dryRun(), locale), a.rule(),
                a.action(), String.valueOf(a.supplierId()), a.supplierName(), a.creditCode(), text(a.productId()),
                text(a.listing()), text(a.noticeId()), text(a.deadline()), evidence(a.evidence(), locale));
    }

    /** One item of an action's evidence, as an officer reads it: 考核期起, 2022-01-01. */
    public record EvidenceItem(String label, String value) {
    }

    /** The evidence as "label: value" items, e.g. 考核期起：2022-01-01；考核期止：2023-12-31. */
    static String evidence(JsonNode evidence, Locale locale) {
        return String.join(Msg.REPORT_EVIDENCE_SEPARATOR.with().in(locale), evidenceItems(evidence, locale).stream()
                .map(item -> Msg.REPORT_EVIDENCE_ITEM.with(item.label(), item.value()).in(locale)).toList());
    }

    /** The evidence's items in the order the step wrote them, each under its label in the reader's language. */
    public static List<EvidenceItem> evidenceItems(JsonNode evidence, Locale locale) {
        if (evidence == null || !evidence.isObject()) {
            return List.of();
        }
        List<EvidenceItem> items = new ArrayList<>();
        for (var fields = evidence.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Msg label = ReportLabels.EVIDENCE.get(field.getKey());
            items.add(new EvidenceItem(label == null ? field.getKey() : label.with().in(locale),
                    value(field.getKey(), field.getValue(), locale)));
        }
        return items;
    }

    private static String value(String key, JsonNode value, Locale locale) {
        if (value == null || value.isNull()) {
            return Msg.REPORT_NONE.with().in(locale);
        }
        if (value.isBoolean()) {
            return yesOrNo(value.booleanValue(), locale);
        }
        Msg label = ReportLabels.EVIDENCE_VALUES.getOrDefault(key, Map.of()).get(value.asText());
        return label == null || Catalogue.ENGLISH.getLanguage().equals(locale.getLanguage()) ? value.asText() : label.with().in(locale);
    }

    private static String yesOrNo(boolean value, Locale locale) {
        return (value ? Msg.REPORT_YES : Msg.REPORT_NO).with().in(locale);
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
