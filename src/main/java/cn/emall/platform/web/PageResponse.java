package cn.emall.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"items": [...], "page": 0, "size": 20, "total": 123}}. */
@Schema(description = "A page of a list: its items, the page number (from 0), the page size and the total over all pages")
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageResponse<T> of(List<E> entities, PageRequest request, long total, Function<E, T> mapper) {
        return new PageResponse<>(entities.stream().map(mapper).toList(), request.page(), request.size(), total);
    }
}
