package cn.emall.web.console;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import cn.emall.testsupport.BoardStory.Delisted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 申诉 and 处理通知 in headless Chromium: the board shows a delisting notice, the officer decides its
 * appeal in the console (notice, evidence, reason, materials and ledger on one page) and the board shows
 * it withdrawn; an officer issues a processing notice and sees its deadline before and after sending it.
 */
@QuarkusTest
class AppealsAndNoticesBrowserTest extends ConsoleReadingBrowserTest {

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
    void officerAcceptsAnAppealInTheConsoleAndTheBoardShowsTheNoticeWithdrawn() throws Exception {
        String name = "通辽市科尔沁" + SEQUENCE.incrementAndGet() + "办公用品有限公司";
        Delisted supplier = BoardStory.delist(dataSource, officer, name).get(0);
        visit("/board/" + supplier.noticeId(), "board-open");
        assertEquals("公示中", facts("dl.facts").get("状态"));

        long appeal = BoardStory.appealed(officer, supplier);
        signIn();
        find(".console-nav a[href='/console/appeals']").click();
        waitUntil(loaded());
        screenshot("queue");
        WebElement row = findAll("table.appeals-table tbody tr").stream()
                .filter(r -> cell(r, "统一社会信用代码").equals(supplier.creditCode())).findFirst().orElseThrow();
        assertEquals(name, cell(row, "供应商"));
        assertEquals(BoardStory.APPEAL_DEADLINE, cell(row, "申诉截止日期"));
        assertEquals("待裁决", cell(row, "状态"));

        row.findElement(By.linkText("申诉 #" + appeal)).click();
        waitUntil(loaded());
        screenshot("appeal");
        assertEquals("/console/appeals/" + appeal, address());
        Map<String, String> notice = facts("#notice-title + dl.facts");
        assertEquals(supplier.creditCode(), notice.get("统一社会信用代码"));
        assertEquals("清退公示", notice.get("规则"));
        assertEquals(BoardStory.APPEAL_DEADLINE, notice.get("申诉截止日期"));
        assertEquals("申诉中", notice.get("公示状态"));
        Map<String, String> evidence = facts("dl.facts.evidence");
        assertEquals(BoardStory.WINDOW_FROM, evidence.get("考核期起"));
        assertEquals(BoardStory.WINDOW_TO, evidence.get("考核期止"));
        assertEquals(BoardStory.APPEAL_REASON, find(".appeal-reason").getText());
        WebElement material = find(".material");
        assertTrue(material.getText().contains("CONTRACT") && material.getText().contains("合同.pdf"), material.getText());
        assertFalse(material.findElements(By.cssSelector("iframe.material-preview")).isEmpty(), "the PDF is previewed in the page");
        assertTrue(find("#ledger-title").getText().contains(BoardStory.WINDOW_FROM + " 至 " + BoardStory.WINDOW_TO));
        assertEquals("考核期内台账无记录。", find("#ledger .empty").getText(), "nothing was recorded: the claim is not borne out yet");

        find("#decision-accept").click();
        find("#reason").sendKeys("核实有销售业绩，系台账漏录");
        find(".decision-form button[type='submit']").click();
        waitUntil(driver -> !findAll("#decision-reason").isEmpty());
        waitUntil(loaded());
        screenshot("accepted");
        assertEquals("申诉成立", find("#appeal-status").getText());
        assertEquals("已撤销", facts("#notice-title + dl.facts").get("公示状态"));
        assertEquals("核实有销售业绩，系台账漏录", find("#decision-reason").getText());
        assertEquals(Api.OFFICER, facts("#decision-title + dl.facts").get("裁决人"), "the signed-in officer decided it");

        visit("/board/" + supplier.noticeId(), "board-withdrawn");
        assertEquals("已撤销", facts("dl.facts").get("状态"));
    }

    @Test
    void officerIssuesAProcessingNoticeAndSeesItsDeadlineBeforeSendingIt() {
        BoardStory.at(officer, "2024-09-27T10:00:00+08:00");
        Api.Admitted supplier = Api.admittedSupplier(officer);

        signIn();
        find(".console-nav a[href='/console/notices']").click();
        waitUntil(loaded());
        screenshot("notices");
        find("a[href='/console/notices/new']").click();
        waitUntil(loaded());
        find("#supplier-id").sendKeys(String.valueOf(supplier.id()));
        find("#subject").sendKeys("请核实商品参数");
        find("#body").sendKeys("贵公司上架商品的参数与品目模板不符，请在期限内核实并反馈。");
        WebElement days = find("#working-days");
        days.clear();
        days.sendKeys("3");
        waitUntil(driver -> find("#deadline-date").getText().equals("2024-10-08"));
        waitUntil(loaded());
        screenshot("deadline-preview");
        assertTrue(find("#deadline-preview").getText().contains("星期二"), find("#deadline-preview").getText());

        find(".issue-form button[type='submit']").click();
        waitUntil(driver -> address().matches("/console/notices/\\d+"));
        waitUntil(loaded());
        screenshot("issued");
        assertEquals("请核实商品参数", find("h1").getText());
        assertEquals("2024-10-08", find("#notice-deadline").getText());
        assertEquals("待处理", find("#notice-status").getText());
        String noticeId = address().substring("/console/notices/".length());
        supplierReadsTheSameDeadline(supplier.token(), noticeId);

        visit("/console/notices?supplierId=" + supplier.id(), "filtered");
        List<WebElement> rows = findAll("table.notices-table tbody tr");
        assertEquals(1, rows.size());
        assertEquals("处理通知", cell(rows.get(0), "类型"));
        assertEquals("2024-10-08", cell(rows.get(0), "截止日期"));
    }

    /** The supplier reads the same notice over the API, with the same deadline. */
    private static void supplierReadsTheSameDeadline(String supplierToken, String noticeId) {
        Api.as(supplierToken).get("/api/v1/notices/" + noticeId).then().statusCode(200)
                .body("deadline", org.hamcrest.Matchers.equalTo("2024-10-08"))
                .body("kind", org.hamcrest.Matchers.equalTo("PROCESSING"));
    }
}
