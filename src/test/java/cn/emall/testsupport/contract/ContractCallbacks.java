package cn.emall.testsupport.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterAllCallback;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestContext;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.util.List;

/**
 * Puts {@link ContractFilter} in front of every {@code @QuarkusTest} (registered in
 * META-INF/services; Quarkus calls these in the class loader of the tests, where their REST Assured
 * lives), and fails a test whose exchanges did not match the served OpenAPI document.
 */
public class ContractCallbacks implements QuarkusTestBeforeClassCallback, QuarkusTestBeforeEachCallback,
        QuarkusTestAfterEachCallback, QuarkusTestAfterAllCallback {

    private static final int LISTED = 20;

    @Override
    public void beforeClass(Class<?> testClass) {
        ContractFilter.install();
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
        report("the class's set-up and tear-down");
    }

    private static void report(String where) {
        ContractTally.flush();
        List<String> mismatches = ContractTally.drain();
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " exchange(s) of " + where + " do not match the served OpenAPI "
                    + "document (/q/openapi):\n  " + String.join("\n  ", mismatches.subList(0, Math.min(LISTED, mismatches.size())))
                    + (mismatches.size() > LISTED ? "\n  ... and " + (mismatches.size() - LISTED) + " more" : ""));
        }
    }
}
