package cn.emall.platform.web;

import cn.emall.platform.error.FieldError;
import cn.emall.platform.error.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** {@code page} (from 0) and {@code size} (default 20, at most 200), validated. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<FieldError> errors = new ArrayList<>();
        if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
