package cn.emall.enforcement.model;

import java.time.LocalDate;

/** A closed range of business dates, both ends included. */
public record Window(LocalDate from, LocalDate to) {

    public Window {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
