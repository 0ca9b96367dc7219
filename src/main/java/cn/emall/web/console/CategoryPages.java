package cn.emall.web.console;

import cn.emall.catalog.CategoryService;
import cn.emall.catalog.CategoryView;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.web.Pager;
import cn.emall.web.Paging;
import cn.emall.web.Queries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** 品目: the categories with their parameter templates (标准商品参数体系), as {@code GET /api/v1/categories} answers them. */
@Path("/console/categories")
@PermitAll
@SignedIn
public class CategoryPages {

    @CheckedTemplate(basePath = "console/categories")
    static class Templates {
        static native TemplateInstance list(PageResponse<CategoryView> categories, Pager pager);

        static native TemplateInstance category(CategoryView category);
    }

    private final CategoryService categories;

    public CategoryPages(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    public Response list(@QueryParam("page") String page) {
        PageRequest paging = Queries.paging(page, null);
        PageResponse<CategoryView> found = categories.page(paging);
        return ConsolePages.page(Templates.list(found,
                new Pager(Paging.of(paging, found.total()), at -> "/console/categories" + (at > 0 ? "?page=" + at : ""))));
    }

    @GET
    @Path("{code}")
    @Transactional
    public Response category(@PathParam("code") String code) {
        return ConsolePages.page(Templates.category(categories.view(categories.get(code))));
    }
}
