package cn.emall.platform.web;

import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.text.Msg;

import java.util.ArrayList;
import java.util.List;

/** {@code page} (from 0) and {@code size} (default 20, at most 200), validated. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        List<InvalidField> errors = new ArrayList<>();
        if (p < 0) {
            errors.add(new InvalidField("page", Msg.ZERO_OR_MORE.with()));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new InvalidField("size", Msg.BETWEEN.with(1, MAX_SIZE)));
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
