package cn.emall.web;

import cn.emall.enforcement.Announcement;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of the board's Atom feed (RFC 4287), with the paging links of RFC 5005: the feed's
 * addresses are absolute, on the address the request came to.
 */
public record FeedPage(URI base, Paging paging, List<Announcement> entries, OffsetDateTime updated, int defaultSize) {

    /** The feed's id: the board, the same on every page and for ever. */
    public static final String ID = "urn:emall:board";

    public String feedId() {
        return ID;
    }

    /** An entry's id: its notice's, stable while the entry changes. */
    public String id(Announcement announcement) {
        return "urn:emall:announcement:" + announcement.noticeId();
    }

    public String self() {
        return url(paging.page());
    }

    public String url(long page) {
        String url = base.resolve("board/feed.atom").toString();
        String query = (page > 0 ? "page=" + page : "") + (paging.size() != defaultSize
                ? (page > 0 ? "&" : "") + "size=" + paging.size() : "");
        return query.isEmpty() ? url : url + "?" + query;
    }

    /** The board's page, the feed's alternate. */
    public String board() {
        return base.resolve("board").toString();
    }

    /** An entry's page. */
    public String page(Announcement announcement) {
        return base.resolve("board/" + announcement.noticeId()).toString();
    }
}
