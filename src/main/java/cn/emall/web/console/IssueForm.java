package cn.emall.web.console;

import cn.emall.supplier.SupplierView;

import java.time.LocalDate;

/**
 * The form for a processing notice as typed, the supplier it names (null when none is found), the
 * deadline the notice would get if sent now, and the errors when it was refused.
 */
public record IssueForm(String supplierId, SupplierView supplier, String subject, String body, String workingDays,
                        Deadline deadline, FormErrors errors) {

    /**
     * The deadline for the working days typed: its last day, provisional when it runs through a year
     * without an arrangement; or why there is none.
     */
    public record Deadline(Integer workingDays, LocalDate date, boolean provisional, String error) {

        /** 星期三 for 2024-01-10. */
        public String weekday() {
            return date == null ? "" : "星期" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
        }
    }
}
