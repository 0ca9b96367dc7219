package cn.emall.web;

import io.quarkus.qute.TemplateData;

import java.util.function.LongFunction;

/**
 * A list's paging with the address of each of its pages, for the pager under a list ({@code tags/pager.html})
 * where the list itself has no {@code url(page)}: a page with several lists, or a list without filters.
 */
@TemplateData
public record Pager(Paging paging, LongFunction<String> address) {

    public String url(long page) {
        return address.apply(page);
    }
}
