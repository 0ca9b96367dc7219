package cn.emall.sandbox;

import cn.emall.platform.PlatformConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * With the sandbox clock off (production), its paths answer 404 for everybody, so the served
 * document leaves them out, with their tag and schemas. Decided at start-up, where the setting is read.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SandboxClockDocument implements OASFilter {

    static final String TAG = "Sandbox";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PlatformConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(PlatformConfig.class);
        if (config.sandbox().clockControl()) {
            return;
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().removePathItem(SandboxClockResource.PATH);
        }
        if (openAPI.getTags() != null) {
            openAPI.getTags().stream().filter(tag -> TAG.equals(tag.getName())).toList().forEach(openAPI::removeTag);
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema(SandboxClockResource.ClockView.SCHEMA);
            openAPI.getComponents().removeSchema(ClockRequest.SCHEMA);
        }
    }
}
