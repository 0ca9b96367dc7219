package cn.emall.web.console;

import cn.emall.enforcement.run.RunReport;

import java.time.LocalDate;

/** Before a real run: what a dry run for the same date found just now, and the form that starts the real one. */
public record RealRunConfirmation(LocalDate asOf, RunReport preview, LocalDate lastRealRun) {
}
