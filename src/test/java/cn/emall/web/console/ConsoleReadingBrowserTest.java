package cn.emall.web.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.Map;

/** A console browser test that reads tables and facts off the pages, and fills in dates as a date picker does. */
abstract class ConsoleReadingBrowserTest extends ConsoleBrowserTest {

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
