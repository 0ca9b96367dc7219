package cn.emall.sandbox;

import cn.emall.audit.AuditTrail;
import cn.emall.platform.PlatformConfig;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.time.MovableClock;
import cn.emall.text.Msg;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The sandbox clock (training and acceptance only): moves business time, never security time.
 * Answers 404 unless {@code emall.sandbox.clock-control=true}. The shift is held by each instance.
 */
@Path(SandboxClockResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = SandboxClockDocument.TAG)
@SecurityRequirement(name = "SecurityScheme")
public class SandboxClockResource {

    static final String PATH = "/api/v1/sandbox/clock";

    private final MovableClock clock;
    private final PlatformConfig config;
    private final AuditTrail audit;
    private final CurrentUser user;

    public SandboxClockResource(MovableClock clock, PlatformConfig config, AuditTrail audit, CurrentUser user) {
        this.clock = clock;
        this.config = config;
        this.audit = audit;
        this.user = user;
    }

    @Schema(name = ClockView.SCHEMA, description = "The business clock: its time now, its zone, and whether it has been moved")
    public record ClockView(OffsetDateTime now, String zone, boolean moved) {

        static final String SCHEMA = "SandboxClockView";
    }

    @GET
    @Operation(operationId = "getSandboxClock", summary = "The service's business clock (officers)")
    public ClockView read() {
        requireEnabled();
        return view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "setSandboxClock", summary = "Set the business clock to this instant; it runs on from there "
            + "(officers)")
    public ClockView set(@Valid @NotNull ClockRequest request) {
        requireEnabled();
        ClockView before = view();
        clock.moveTo(request.now().toInstant());
        audit.record(user.name(), "SANDBOX_CLOCK_SET", "sandbox/clock", Map.of("now", before.now().toString()),
                Map.of("now", request.now().toString()));
        return view();
    }

    @DELETE
    @Transactional
    @Operation(operationId = "resetSandboxClock", summary = "Back to the real clock (officers)")
    public ClockView reset() {
        requireEnabled();
        clock.reset();
        audit.record(user.name(), "SANDBOX_CLOCK_RESET", "sandbox/clock", null, null);
        return view();
    }

    private ClockView view() {
        return new ClockView(OffsetDateTime.now(clock), clock.getZone().getId(), clock.isMoved());
    }

    /** Off, the paths do not exist for anyone (404); on, they are the officers'. */
    private void requireEnabled() {
        if (!config.sandbox().clockControl()) {
            throw ProblemException.notFound(Msg.THIS_PATH.with());
        }
        if (user.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        if (!user.isOfficer()) {
            throw new io.quarkus.security.ForbiddenException();
        }
    }
}
