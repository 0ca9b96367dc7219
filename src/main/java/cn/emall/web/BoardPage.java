package cn.emall.web;

import cn.emall.enforcement.Announcement;
import cn.emall.enforcement.Announcements;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the board's page shows: the search, one page of announcements and the links to the others. */
public record BoardPage(Announcements.Filter filter, Paging paging, List<Announcement> entries, int defaultSize) {

    /** The search text as typed, for the search field; empty when there is none. */
    public String query() {
        return filter.query() == null ? "" : filter.query();
    }

    public List<Labels.Choice> statuses() {
        return Labels.statusChoices(filter.status());
    }

    public boolean filtered() {
        return filter.query() != null || filter.status() != null;
    }

    /** The board with this search at another page: /board?q=...&status=OPEN&page=2. */
    public String url(long page) {
        StringBuilder url = new StringBuilder("/board");
        String separator = "?";
        if (filter.query() != null) {
            url.append(separator).append("q=").append(URLEncoder.encode(filter.query(), StandardCharsets.UTF_8));
            separator = "&";
        }
        if (filter.status() != null) {
            url.append(separator).append("status=").append(filter.status().name());
            separator = "&";
        }
        if (page > 0) {
            url.append(separator).append("page=").append(page);
            separator = "&";
        }
        if (paging.size() != defaultSize) {
            url.append(separator).append("size=").append(paging.size());
        }
        return url.toString();
    }
}
