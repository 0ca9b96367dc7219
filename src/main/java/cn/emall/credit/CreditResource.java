package cn.emall.credit;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.time.BusinessDates;
import cn.emall.text.Msg;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** A supplier's credit record (信用考评): readable by the supplier itself and by officers. */
@Path("/api/v1/suppliers/{id}/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credit")
public class CreditResource {

    private final Jdbc jdbc;
    private final CreditConfig config;
    private final BusinessDates dates;
    private final CurrentUser user;

    public CreditResource(Jdbc jdbc, CreditConfig config, BusinessDates dates, CurrentUser user) {
        this.jdbc = jdbc;
        this.config = config;
        this.dates = dates;
        this.user = user;
    }

    @Schema(name = "CreditEntry", description = "One deduction from a supplier's credit score: the day, the points (negative), "
            + "why, and the notice it came from")
    public record Entry(LocalDate date, int points, String reason,
                        @Schema(nullable = true, description = "The notice the deduction came from; null when "
                                + "none") Long noticeId) {
    }

    /** {@code entries} are the current evaluation year's; {@code history} holds every entry of every year. */
    @Schema(name = "CreditRecord", description = "A supplier's credit record (信用考评): the score of the current evaluation year, "
            + "its deductions, and every deduction of every year")
    public record Credit(long supplierId, int year, int base, int score, List<Entry> entries, List<Entry> history) {
    }

    @GET
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Operation(operationId = "getSupplierCredit", summary = "The credit score of the current evaluation year (it starts at 100 "
            + "each 1 January) and every deduction")
    public Credit credit(@PathParam("id") long supplierId) {
        if (!user.maySee(supplierId) || jdbc.count("select count(*) from supplier where id = ?", supplierId) == 0) {
            throw ProblemException.notFound(Msg.THE_SUPPLIER.with(supplierId));
        }
        int year = dates.today().getYear();
        List<Entry> history = jdbc.list("select entry_date, points, reason, notice_id from credit_entry where supplier_id = ? "
                + "order by entry_date, id", rs -> {
            long notice = rs.getLong(4);
            Long noticeId = rs.wasNull() ? null : notice;
            return new Entry(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3), noticeId);
        }, supplierId);
        List<Entry> entries = history.stream().filter(e -> e.date().getYear() == year).toList();
        int score = config.base() + entries.stream().mapToInt(Entry::points).sum();
        return new Credit(supplierId, year, config.base(), score, entries, history);
    }
}
