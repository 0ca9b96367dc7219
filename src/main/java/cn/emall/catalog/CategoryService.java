package cn.emall.catalog;

import cn.emall.audit.AuditTrail;
import cn.emall.catalog.model.ParameterSpec;
import cn.emall.catalog.model.ParameterTemplate;
import cn.emall.catalog.model.Violation;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Categories and their templates. Changing a template never touches existing listings: they stay
 * as they are, and {@link ProductService#nonConforming} lists those that no longer satisfy it.
 */
@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;
    private final Templates templates;
    private final AuditTrail audit;
    private final BusinessDates dates;

    public CategoryService(CategoryRepository categories, Templates templates, AuditTrail audit, BusinessDates dates) {
        this.categories = categories;
        this.templates = templates;
        this.audit = audit;
        this.dates = dates;
    }

    public CategoryView view(Category category) {
        return new CategoryView(category.code, category.name, templates.templateOf(category).parameters());
    }

    /** A page of the categories in the order of their codes, with their templates: what {@code GET /api/v1/categories} answers. */
    @Transactional
    public PageResponse<CategoryView> page(PageRequest paging) {
        var query = categories.findAll(Sort.by("code")).page(Page.of(paging.page(), paging.size()));
        return PageResponse.of(query.list(), paging, query.count(), this::view);
    }

    public java.util.Optional<Category> findOptional(String code) {
        return code == null ? java.util.Optional.empty() : categories.findByIdOptional(code);
    }

    public Category get(String code) {
        return categories.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound(Msg.THE_CATEGORY.with(code)));
    }

    @Transactional
    public Category create(String actor, String code, String name, List<ParameterSpec> parameters) {
        ParameterTemplate template = validTemplate(parameters);
        if (categories.findByIdOptional(code).isPresent()) {
            throw ProblemException.conflict("duplicate-category", Msg.DUPLICATE_CATEGORY_TITLE,
                    Msg.DUPLICATE_CATEGORY_DETAIL.with(code));
        }
        Category category = new Category();
        category.code = code;
        category.name = name.trim();
        category.parametersJson = templates.write(template.parameters());
        category.updatedAt = dates.now();
        categories.persist(category);
        audit.record(actor, "CATEGORY_CREATED", AuditTrail.subject("category", code), null, view(category));
        return category;
    }

    @Transactional
    public Category replace(String actor, String code, String name, List<ParameterSpec> parameters) {
        ParameterTemplate template = validTemplate(parameters);
        Category category = get(code);
        CategoryView before = view(category);
        category.name = name.trim();
        category.parametersJson = templates.write(template.parameters());
        category.updatedAt = dates.now();
        audit.record(actor, "CATEGORY_CHANGED", AuditTrail.subject("category", code), before, view(category));
        return category;
    }

    private static ParameterTemplate validTemplate(List<ParameterSpec> parameters) {
        ParameterTemplate template = new ParameterTemplate(parameters);
        List<Violation> violations = template.violations();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Templates.asInvalidFields(violations));
        }
        return template;
    }
}
