package cn.emall.web;

import cn.emall.platform.web.PageRequest;

/**
 * Where a page of a list stands among the others: its number (from 0, as in the API and the links),
 * its size and the total, and the pages before and after it.
 */
public record Paging(int page, int size, long total) {

    public static Paging of(PageRequest request, long total) {
        return new Paging(request.page(), request.size(), total);
    }

    /** How many pages there are; an empty list has one, empty. */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** The page as a reader counts it, from 1. */
    public long number() {
        return page + 1L;
    }

    public long first() {
        return 0;
    }

    public long last() {
        return pages() - 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** The page before this one; from beyond the end, the last page. */
    public long previous() {
        return Math.min(page - 1L, last());
    }

    public boolean hasNext() {
        return page < last();
    }

    public long next() {
        return page + 1L;
    }

    /** The position of the page's first item among all, from 1; 0 when the page is empty. */
    public long from() {
        long first = (long) page * size + 1;
        return first > total ? 0 : first;
    }

    /** The position of its last item. */
    public long to() {
        return from() == 0 ? 0 : Math.min(total, ((long) page + 1) * size);
    }
}
