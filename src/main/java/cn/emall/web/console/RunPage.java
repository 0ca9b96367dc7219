package cn.emall.web.console;

import cn.emall.enforcement.run.RunReport;
import cn.emall.enforcement.run.RunReports;
import cn.emall.web.Labels;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A run's report as a page: its counts per rule, and one page of its actions that pass the filter,
 * with the keyset links to the pages before and after it.
 */
public record RunPage(RunReport report, Filter filter, List<Labels.Choice> rules, List<RunReport.Action> actions,
                      long matching, boolean hasPrevious, boolean hasNext) {

    /** The filter as typed: rule, supplier (its id or a part of its name) and credit code; empty strings for none. */
    public record Filter(String rule, String supplier, String creditCode) {

        RunReports.ActionFilter toActions() {
            boolean isId = !supplier.isEmpty() && supplier.length() <= 18 && supplier.chars().allMatch(Character::isDigit);
            return new RunReports.ActionFilter(rule.isEmpty() ? null : rule, isId ? Long.valueOf(supplier) : null,
                    supplier.isEmpty() || isId ? null : supplier, creditCode.isEmpty() ? null : creditCode);
        }

        public boolean isEmpty() {
            return rule.isEmpty() && supplier.isEmpty() && creditCode.isEmpty();
        }
    }

    /** The report with this filter, from the start: /console/runs/7?rule=ZERO_VOLUME_PRODUCT. */
    public String url() {
        return base(null, null);
    }

    public String previousUrl() {
        return base("before", actions.isEmpty() ? null : actions.get(0).id());
    }

    public String nextUrl() {
        return base("after", actions.isEmpty() ? null : actions.get(actions.size() - 1).id());
    }

    public String csvUrl() {
        return "/console/runs/" + report.id() + "/report.csv";
    }

    public String xlsxUrl() {
        return "/console/runs/" + report.id() + "/report.xlsx";
    }

    private String base(String cursor, Long id) {
        StringBuilder url = new StringBuilder("/console/runs/").append(report.id());
        String separator = "?";
        for (String[] parameter : new String[][] {{"rule", filter.rule()}, {"supplier", filter.supplier()},
                {"creditCode", filter.creditCode()}, {cursor, id == null ? null : id.toString()}}) {
            if (parameter[0] != null && parameter[1] != null && !parameter[1].isEmpty()) {
                url.append(separator).append(parameter[0]).append('=').append(URLEncoder.encode(parameter[1], StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        return url.toString();
    }
}
