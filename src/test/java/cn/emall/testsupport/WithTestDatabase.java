package cn.emall.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} for every {@code @QuarkusTest} of the run. */
@QuarkusTestResource(TestDatabase.class)
public final class WithTestDatabase {
    private WithTestDatabase() {
    }
}
