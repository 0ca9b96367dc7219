package cn.emall.web.console;

import cn.emall.enforcement.NoticeView;
import cn.emall.supplier.SupplierView;
import cn.emall.web.Labels;
import cn.emall.web.Paging;

import java.util.List;

/** A page of notices with the filter that chose them. */
public record NoticeList(List<Row> rows, Paging paging, Filter filter, List<Labels.Choice> kinds,
                         List<Labels.Choice> statuses) {

    /** A notice and its supplier (null when the supplier cannot be read). */
    public record Row(NoticeView notice, SupplierView supplier) {
    }

    /** The filter as chosen: kind, status and supplier id; empty strings for all. */
    public record Filter(String kind, String status, String supplierId) {
    }

    public String url(long page) {
        return "/console/notices?kind=" + filter.kind() + "&status=" + filter.status() + "&supplierId=" + filter.supplierId()
                + (page > 0 ? "&page=" + page : "");
    }
}
