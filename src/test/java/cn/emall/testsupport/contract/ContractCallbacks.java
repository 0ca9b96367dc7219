package cn.emall.testsupport.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterAllCallback;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestContext;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Puts {@link ContractFilter} in front of every {@code @QuarkusTest} (registered in
 * META-INF/services; Quarkus calls these in the class loader of the tests, where their REST Assured
 * lives), and fails a test whose exchanges did not match the served OpenAPI document.
 */
public class ContractCallbacks implements QuarkusTestBeforeClassCallback, QuarkusTestBeforeEachCallback,
        QuarkusTestAfterEachCallback, QuarkusTestAfterAllCallback {

    private static final Logger LOG = Logger.getLogger(ContractCallbacks.class);
    private static final int LISTED = 20;

    /** Quarkus makes one instance per callback interface: what beforeClass notes, afterAll reads here. */
    private static volatile String currentClass = "";
    private static volatile long validatedBefore;

    @Override
    public void beforeClass(Class<?> testClass) {
        ContractFilter.install();
        ContractTally.flush();
        currentClass = testClass.getSimpleName();
        validatedBefore = ContractTally.total(ContractTally.VALIDATED);
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractFilter.install();
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        report(context.getTestMethod().getName());
    }

    @Override
    public void afterAll(QuarkusTestContext context) {
        ContractTally.flush();
        long validated = ContractTally.total(ContractTally.VALIDATED);
        LOG.infof("OpenAPI contract: %d exchanges of %s validated against the served document; in the run so far %d "
                + "(%d accepted requests checked too, %d multipart uploads whose parts the validator cannot read, %d to "
                + "paths or methods outside the document), %d of them not matching, and %d with /q/ and %d with the web "
                + "pages not checked", validated - validatedBefore, currentClass, validated,
                ContractTally.total(ContractTally.REQUESTS), ContractTally.total(ContractTally.MULTIPART),
                ContractTally.total(ContractTally.OUTSIDE),
                ContractTally.total(ContractTally.MISMATCHED), ContractTally.total(ContractTally.SKIPPED),
                ContractTally.total(ContractTally.WEB_PAGES));
        report("the class's set-up and tear-down");
    }

    private static void report(String where) {
        ContractTally.flush();
        List<String> mismatches = ContractTally.drain();
        if (!mismatches.isEmpty()) {
            List<String> listed = mismatches.subList(0, Math.min(LISTED, mismatches.size()));
            throw new AssertionError(mismatches.size() + " exchange(s) of " + where + " do not match the served OpenAPI "
                    + "document (/q/openapi):\n  " + String.join("\n  ", listed)
                    + (mismatches.size() > LISTED ? "\n  ... and " + (mismatches.size() - LISTED) + " more" : ""));
        }
    }
}
