package cn.emall.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A service of its own for the benchmark: a fresh, empty database that the generator fills. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("emall.cleanup.cron", "off", "quarkus.datasource.jdbc.max-size", "48",
                "quarkus.log.category.\"cn.emall\".level", "WARN");
    }
}
