package cn.emall.enforcement.run;

import cn.emall.text.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An officer reading a downloaded report meets Chinese headers and labels, never the JSON names. */
class ReportLabelsTest {

    /** Every {@code evidence.put("key", ...)} of the nightly steps. */
    private static Set<String> evidenceKeysTheStepsWrite() throws IOException {
        Pattern put = Pattern.compile("evidence\\.put\\(\"(\\w+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/emall/enforcement/run"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = put.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everyEvidenceKeyTheStepsWriteHasALabelAndEveryLabelAKey() throws IOException {
        Set<String> written = evidenceKeysTheStepsWrite();
        assertTrue(written.containsAll(List.of("windowFrom", "netSalesAmount", "appealDeadline", "listedOn")), written.toString());
        assertEquals(written, new TreeSet<>(ReportLabels.EVIDENCE.keySet()));
    }

    @Test
    void headersAreChineseByDefaultAndTheJsonNamesInEnglish() {
        assertEquals(List.of("运行编号", "考核基准日", "试运行", "规则", "处理", "供应商ID", "供应商名称", "统一社会信用代码",
                "商品ID", "商品", "通知ID", "截止日期", "依据"), ReportDownloads.header(Catalogue.CHINESE));
        assertEquals(List.of("run", "asOf", "dryRun", "rule", "action", "supplierId", "supplierName", "creditCode",
                "productId", "listing", "noticeId", "deadline", "evidence"), ReportDownloads.header(Catalogue.ENGLISH));
    }

    @Test
    void evidenceReadsAsLabelledValues() throws IOException {
        JsonNode evidence = new ObjectMapper().readTree("{\"windowFrom\": \"2022-01-01\", \"windowTo\": \"2023-12-31\", "
                + "\"admittedOn\": \"2021-03-15\", \"netSalesAmount\": \"0.00\", \"appealDeadline\": \"2024-01-05\", "
                + "\"deadlineProvisional\": false, \"appealId\": null, \"points\": -5}");
        assertEquals("考核期起：2022-01-01；考核期止：2023-12-31；入驻日期：2021-03-15；净销售额：0.00；申诉截止日期：2024-01-05；"
                + "截止日期为暂定：否；申诉ID：无；信用扣分：-5", ReportDownloads.evidence(evidence, Catalogue.CHINESE));
        assertEquals("windowFrom: 2022-01-01; windowTo: 2023-12-31; admittedOn: 2021-03-15; netSalesAmount: 0.00; "
                + "appealDeadline: 2024-01-05; deadlineProvisional: false; appealId: none; points: -5",
                ReportDownloads.evidence(evidence, Catalogue.ENGLISH));
    }

    @Test
    void statesInTheEvidenceReadInChineseAndAsTheJsonSaysInEnglish() throws IOException {
        JsonNode evidence = new ObjectMapper().readTree("{\"noticeStatus\": \"APPEAL_REJECTED\", \"kind\": \"PROCESSING\", "
                + "\"deliveryStatus\": \"QUEUED\", \"listedOn\": \"OPEN\"}");
        assertEquals("通知状态：申诉未通过；通知类型：处理通知；邮件送达状态：待发送；上架日期：OPEN",
                ReportDownloads.evidence(evidence, Catalogue.CHINESE));
        assertEquals("noticeStatus: APPEAL_REJECTED; kind: PROCESSING; deliveryStatus: QUEUED; listedOn: OPEN",
                ReportDownloads.evidence(evidence, Catalogue.ENGLISH));
    }
}
