package cn.emall.testsupport.contract;

import org.jboss.logging.Logger;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of the test run, says how many exchanges were checked against the served OpenAPI
 * document and how many did not match (each of those failed its test already).
 */
public class ContractReport implements TestExecutionListener {

    private static final Logger LOG = Logger.getLogger(ContractReport.class);

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        long validated = ContractTally.total(ContractTally.VALIDATED);
        if (validated == 0 && ContractTally.total(ContractTally.SKIPPED) == 0) {
            return;
        }
        LOG.infof("OpenAPI contract: %d exchanges validated against the served document (%d accepted requests checked "
                        + "too, %d to paths or methods outside it), %d did not match; %d exchanges with /q/ not checked",
                validated, ContractTally.total(ContractTally.REQUESTS), ContractTally.total(ContractTally.OUTSIDE),
                ContractTally.total(ContractTally.MISMATCHED), ContractTally.total(ContractTally.SKIPPED));
    }
}
