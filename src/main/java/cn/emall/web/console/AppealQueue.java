package cn.emall.web.console;

import cn.emall.enforcement.Announcement;
import cn.emall.enforcement.AppealView;
import cn.emall.web.Labels;
import cn.emall.web.Paging;

import java.util.List;

/** The appeals of one status (those waiting for a decision by default), a page of them. */
public record AppealQueue(List<Row> rows, Paging paging, String status, List<Labels.Choice> statuses) {

    /** An appeal with the board's entry of the notice it appeals: the supplier, the window, the deadline. */
    public record Row(AppealView appeal, Announcement notice) {
    }

    public String url(long page) {
        return "/console/appeals?status=" + status + (page > 0 ? "&page=" + page : "");
    }
}
