package cn.emall.enforcement.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.emall.enforcement.model.PublishedDeadlineRule.Outcome;
import cn.emall.enforcement.model.PublishedDeadlineRule.Revision;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublishedDeadlineRuleTest {

    private static final LocalDate PUBLISHED = LocalDate.parse("2027-01-04");

    @Test
    void laterRecountBecomesTheDeadline() {
        assertEquals(new Revision(Outcome.MOVED, LocalDate.parse("2027-01-05"), LocalDate.parse("2027-01-05")),
                PublishedDeadlineRule.revise(PUBLISHED, LocalDate.parse("2027-01-05")));
    }

    @Test
    void earlierRecountNeverShortensThePublishedDeadline() {
        assertEquals(new Revision(Outcome.KEPT, PUBLISHED, LocalDate.parse("2027-01-02")),
                PublishedDeadlineRule.revise(PUBLISHED, LocalDate.parse("2027-01-02")));
    }

    @Test
    void sameRecountChangesNothing() {
        assertEquals(new Revision(Outcome.UNCHANGED, PUBLISHED, PUBLISHED), PublishedDeadlineRule.revise(PUBLISHED, PUBLISHED));
    }
}
