package cn.emall.web.console;

import cn.emall.web.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A browser test of the console: the bootstrap officer signs in through the sign-in page first. */
abstract class SignedInBrowserTest extends BrowserTest {

    static final String OFFICER = "officer";
    static final String PASSWORD = "officer-change-me";

    /** Signs the bootstrap officer in, as an officer does, and lands on the dashboard. */
    protected void signIn() {
        visit("/console/login", "sign-in");
        find("#username").sendKeys(OFFICER);
        find("#password").sendKeys(PASSWORD);
        find("form.form button[type='submit']").click();
        waitUntil(loaded());
        assertEquals("/console", address());
    }

    /** Sets a date field as the date picker would (its typed form depends on the browser's locale). */
    protected void setDate(String css, String date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(css), date);
    }

    /** The text of a row's cell, by the column's label. */
    protected static String cell(WebElement row, String label) {
        return row.findElement(By.cssSelector("td[data-label='" + label + "']")).getText().trim();
    }

    /** The facts of a definition list, by their labels. */
    protected Map<String, String> facts(String css) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (WebElement fact : findAll(css + " > div")) {
            facts.put(fact.findElement(By.tagName("dt")).getText(), fact.findElement(By.tagName("dd")).getText());
        }
        return facts;
    }
}
