package cn.emall.web.console;

import cn.emall.enforcement.run.RunReport;
import cn.emall.web.Paging;

import java.time.LocalDate;
import java.util.List;

/**
 * The list of cleanup runs: one page of reports, the preview form and, when the rules allow one now,
 * the real run's form; with the problem of the last form sent, if it was refused.
 *
 * @param realRunRefusal why a real run for today is not allowed now (the rule's own words); null when it is
 */
public record RunList(List<RunReport> runs, Paging paging, LocalDate today, LocalDate lastRealRun, String realRunRefusal,
                      String previewDate, String realDate, FormErrors previewError, FormErrors realError) {

    public boolean realRunAllowed() {
        return realRunRefusal == null;
    }

    public String url(long page) {
        return page == 0 ? "/console/runs" : "/console/runs?page=" + page;
    }
}
