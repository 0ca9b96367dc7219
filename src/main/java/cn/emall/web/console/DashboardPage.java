package cn.emall.web.console;

import cn.emall.supplier.SupplierRepository;
import cn.emall.supplier.SupplierStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** 工作台: what waits for the officers today. */
@Path("/console")
@PermitAll
@SignedIn
public class DashboardPage {

    /** What the dashboard shows. */
    public record Dashboard(long pendingApplications) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dashboard(Dashboard dashboard);
    }

    private final SupplierRepository suppliers;

    public DashboardPage(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    @GET
    @Transactional
    public Response dashboard() {
        long pending = suppliers.count(new SupplierRepository.Search(SupplierStatus.PENDING, null));
        return ConsolePages.page(Templates.dashboard(new Dashboard(pending)));
    }
}
