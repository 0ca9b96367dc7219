package cn.emall.web.console;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import cn.emall.testsupport.BoardStory.Delisted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 清理运行 in headless Chromium: an officer previews a run for a date, filters its report by rule and
 * credit code, downloads the XLSX and reads it back; and starts a real run only where the rules allow
 * one, after its confirmation has shown what a dry run for that date found.
 */
@QuarkusTest
class CleanupRunsBrowserTest extends ConsoleReadingBrowserTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Inject
    AgroalDataSource dataSource;

    private String officer;

    @BeforeEach
    void signInTheOfficer() {
        officer = Api.officerToken();
    }

    @AfterEach
    void backToTheRealClock() {
        BoardStory.backToTheRealClock(officer);
    }

    @Test
    void officerPreviewsARunForADateFiltersItsReportByRuleAndDownloadsTheXlsx() throws Exception {
        String word = "包头" + SEQUENCE.incrementAndGet();
        List<Delisted> suppliers = BoardStory.delist(dataSource, officer, word + "文具有限公司", word + "家具有限公司");
        Delisted first = suppliers.get(0);

        signIn();
        find(".console-nav a[href='/console/runs']").click();
        waitUntil(loaded());
        screenshot("runs");
        assertEquals("清理运行", find("h1").getText());
        assertEquals("2024-01-01", find("#preview-as-of").getAttribute("value"), "the preview starts at today");

        setDate("#preview-as-of", "2024-01-08");
        find("form[action='/console/runs/preview'] button[type='submit']").click();
        waitUntil(driver -> address().matches("/console/runs/\\d+"));
        waitUntil(loaded());
        screenshot("preview-report");
        long runId = Long.parseLong(address().substring("/console/runs/".length()));
        assertEquals("试运行报告：考核基准日 2024-01-08", find("h1").getText());
        Map<String, Long> counts = counts();
        assertEquals(List.of("公示期满清退", "清退公示", "整改下架", "信用扣分", "禁入期满"), new ArrayList<>(counts.keySet()),
                "every rule, in the order of the steps");
        assertTrue(counts.get("公示期满清退") >= 2, "both notices lapsed on 2024-01-04 unappealed: " + counts);

        new Select(find("#rule")).selectByVisibleText("公示期满清退");
        waitUntil(driver -> address().contains("rule=LAPSED_NOTICE"));
        waitUntil(loaded());
        screenshot("filtered-by-rule");
        assertFalse(rows().isEmpty());
        for (WebElement row : rows()) {
            assertTrue(cell(row, "规则").startsWith("公示期满清退"), cell(row, "规则"));
        }

        find("#credit-code").sendKeys(first.creditCode());
        waitUntil(driver -> rows().size() == 1 && cell(rows().get(0), "统一社会信用代码").equals(first.creditCode()));
        waitUntil(loaded());
        screenshot("filtered-by-credit-code");
        WebElement row = rows().get(0);
        assertEquals(first.name(), cell(row, "供应商"));
        assertTrue(cell(row, "处理").startsWith("终止入驻协议"), cell(row, "处理"));
        Map<String, String> evidence = new java.util.LinkedHashMap<>();
        for (WebElement item : row.findElements(By.cssSelector("dl.evidence > div"))) {
            evidence.put(item.findElement(By.tagName("dt")).getText(), item.findElement(By.tagName("dd")).getText());
        }
        assertEquals(BoardStory.APPEAL_DEADLINE, evidence.get("申诉截止日期"), evidence.toString());
        assertEquals(BoardStory.NOTICE_DATE, evidence.get("通知日期"), evidence.toString());
        assertTrue(address().contains("creditCode=" + first.creditCode()), address());

        find("a[href='/console/runs/" + runId + "/report.xlsx']").click();
        Path xlsx = downloaded("cleanup-run-" + runId + ".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            assertEquals("运行编号", cells.formatCellValue(sheet.getRow(0).getCell(0)));
            assertEquals("统一社会信用代码", cells.formatCellValue(sheet.getRow(0).getCell(7)));
            Row mine = null;
            for (Row line : sheet) {
                if (first.creditCode().equals(cells.formatCellValue(line.getCell(7)))) {
                    mine = line;
                }
            }
            assertTrue(mine != null, "the supplier's action is in the workbook");
            assertEquals(String.valueOf(runId), cells.formatCellValue(mine.getCell(0)));
            assertEquals("2024-01-08", cells.formatCellValue(mine.getCell(1)));
            assertEquals("LAPSED_NOTICE", cells.formatCellValue(mine.getCell(3)));
            assertEquals(first.name(), cells.formatCellValue(mine.getCell(6)));
            assertTrue(cells.formatCellValue(mine.getCell(12)).contains("申诉截止日期：" + BoardStory.APPEAL_DEADLINE));
        }
    }

    @Test
    void realRunIsOfferedOnlyWhenAllowedAndOnlyAfterItsDryRunIsShown() throws Exception {
        String word = "赤峰" + SEQUENCE.incrementAndGet();
        Delisted supplier = BoardStory.delist(dataSource, officer, word + "印务有限公司").get(0);

        signIn();
        visit("/console/runs", "today-already-ran");
        assertTrue(findAll("form[action='/console/runs/real/confirm']").isEmpty(), "today's real run is done: none is offered");
        assertTrue(find("#real-refused").getText().contains("2024-01-01"), find("#real-refused").getText());

        BoardStory.at(officer, "2024-01-08T09:00:00+08:00");
        visit("/console/runs", "a-missed-night-allowed");
        assertEquals("2024-01-08", find("#real-as-of").getAttribute("value"));
        find("form[action='/console/runs/real/confirm'] button[type='submit']").click();
        waitUntil(driver -> !findAll("form[action='/console/runs/real']").isEmpty());
        waitUntil(loaded());
        screenshot("confirmation");
        assertEquals("确认正式运行：考核基准日 2024-01-08", find("h1").getText());
        WebElement lapsed = findAll(".counts-table tbody tr").get(0);
        assertEquals("公示期满清退", cell(lapsed, "规则"));
        assertTrue(Long.parseLong(cell(lapsed, "数量")) >= 1, "the dry run found the lapsed notice");

        find("form[action='/console/runs/real'] button[type='submit']").click();
        waitUntil(driver -> address().matches("/console/runs/\\d+"));
        waitUntil(loaded());
        screenshot("real-report");
        assertEquals("正式运行报告：考核基准日 2024-01-08", find("h1").getText());
        visit(address() + "?creditCode=" + supplier.creditCode(), "the-supplier-terminated");
        assertEquals(1, rows().size());
        assertTrue(cell(rows().get(0), "处理").startsWith("终止入驻协议"));

        visit("/console/runs", "after-the-real-run");
        assertTrue(findAll("form[action='/console/runs/real/confirm']").isEmpty(), "the night has run: no second real run");
        visit("/board/" + supplier.noticeId(), "board-terminated");
        assertEquals("已清退", facts("dl.facts").get("状态"));
    }

    private List<WebElement> rows() {
        return findAll("table.actions-table tbody tr");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (WebElement count : findAll(".rule-counts .rule-count")) {
            counts.put(count.findElement(By.cssSelector(".rule-count-label")).getText(),
                    Long.parseLong(count.findElement(By.cssSelector(".rule-count-number")).getText()));
        }
        return counts;
    }
}
