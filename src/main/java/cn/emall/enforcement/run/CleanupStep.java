package cn.emall.enforcement.run;

import java.util.List;

/**
 * One rule of the nightly run (SPEC "The nightly cleanup run", steps 1-5): which subjects it selects
 * and why, and the set-based change it makes to a chunk of them. {@link #apply} re-checks the
 * selection under lock and answers what it really did, so that a subject changed since (a sale
 * arrived, an appeal was filed) or already handled by an interrupted run is left alone.
 */
public interface CleanupStep {

    /** The rule name in reports: LAPSED_NOTICE, ZERO_SALES_SUPPLIER, ... */
    String rule();

    /** The action taken on each subject: TERMINATE_SUPPLIER, ISSUE_DELISTING_NOTICE, ... */
    String action();

    List<Candidate> select(RunContext run);

    List<Candidate> apply(RunContext run, List<Candidate> chunk);
}
