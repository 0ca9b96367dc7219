package cn.emall.golive;

import cn.emall.account.AccountRepository;
import cn.emall.catalog.CategoryService;
import cn.emall.catalog.Templates;
import cn.emall.catalog.model.ParameterTemplate;
import cn.emall.catalog.model.Violation;
import cn.emall.platform.error.ConstraintTexts;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.supplier.Supplier;
import cn.emall.supplier.SupplierRepository;
import cn.emall.supplier.SupplierService;
import cn.emall.supplier.model.CreditCode;
import cn.emall.supplier.model.Suspension;
import cn.emall.text.Msg;
import cn.emall.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a supplier of a historical import must satisfy before anything of it is written: the
 * application's and the listings' shapes; a credit code that is well formed (one failing only its
 * check character needs a recorded reason), has no pending or active supplier, is not suspended, is
 * not a staff login and appears once in the file; an admission date not in the future; listings in
 * known categories whose parameters satisfy the template, each brand + model once (case-insensitive)
 * and listed between the admission and today.
 */
@ApplicationScoped
public class SupplierImportRules {

    private final Validator validator;
    private final SupplierRepository suppliers;
    private final AccountRepository accounts;
    private final CategoryService categories;
    private final Templates templates;
    private final BusinessDates dates;

    public SupplierImportRules(Validator validator, SupplierRepository suppliers, AccountRepository accounts,
                               CategoryService categories, Templates templates, BusinessDates dates) {
        this.validator = validator;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.categories = categories;
        this.templates = templates;
        this.dates = dates;
    }

    /** What one import remembers from line to line: the credit codes seen, and the templates read. */
    static final class FileState {
        private final Map<String, Integer> lineOfCode = new HashMap<>();
        private final Map<String, Optional<ParameterTemplate>> templateOf = new HashMap<>();
    }

    /** A listing ready to be written: its request and its parameters as its category's template normalises them. */
    record CheckedListing(SupplierImportRequest.ProductImport request, Map<String, Object> parameters) {
    }

    /**
     * The outcome of the rules for one supplier.
     *
     * @param creditCode          the code as stored (trimmed, upper case), {@code null} when unusable
     * @param checkOverrideReason the reason recorded for a code that fails its check character, else {@code null}
     * @param listings            the listings that passed
     * @param errors              every rule broken; the supplier may be written only when empty
     */
    record Checked(String creditCode, String checkOverrideReason, List<CheckedListing> listings,
                   List<InvalidField> errors) {
    }

    Checked check(SupplierImportRequest supplier, int line, FileState file) {
        List<InvalidField> errors = new ArrayList<>();
        errors.addAll(violations(validator.validate(supplier.application()), ""));
        errors.addAll(violations(validator.validate(supplier), ""));
        String code = creditCode(supplier, line, file, errors);
        LocalDate today = dates.today();
        if (supplier.admittedOn() != null && supplier.admittedOn().isAfter(today)) {
            errors.add(new InvalidField("admittedOn", Msg.NOT_IN_FUTURE_TODAY_IS.with(today)));
        }
        List<CheckedListing> listings = listings(supplier, file, errors);
        String reason = code != null && !CreditCode.check(code).isValid() ? supplier.checkOverrideReason().trim() : null;
        return new Checked(code, reason, listings, errors);
    }

    private String creditCode(SupplierImportRequest supplier, int line, FileState file, List<InvalidField> errors) {
        if (supplier.creditCode() == null || supplier.creditCode().isBlank()) {
            return null;
        }
        String code;
        try {
            code = SupplierService.acceptableCreditCode(supplier.creditCode());
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
        CreditCode.Result result = CreditCode.check(code);
        if (!result.isValid() && isBlank(supplier.checkOverrideReason())) {
            errors.add(new InvalidField("checkOverrideReason", Msg.REASON_REQUIRED_FOR_CHECK_CHARACTER.with(result.message())));
        }
        Integer first = file.lineOfCode.putIfAbsent(code, line);
        if (first != null) {
            errors.add(new InvalidField("creditCode", Msg.CREDIT_CODE_ALSO_ON_LINE.with(first)));
        } else {
            conflictInService(code).ifPresent(message -> errors.add(new InvalidField("creditCode", message)));
        }
        return result.isValid() || !isBlank(supplier.checkOverrideReason()) ? code : null;
    }

    /** A pending or active supplier, a suspension, or a staff login with the code. */
    private Optional<Text> conflictInService(String code) {
        Optional<Supplier> live = suppliers.findLive(code);
        if (live.isPresent()) {
            return Optional.of(Msg.CREDIT_CODE_HAS_LIVE_SUPPLIER.with(live.get().status, live.get().id));
        }
        LocalDate today = dates.today();
        Optional<Supplier> suspended = suppliers.findLatestTermination(code)
                .filter(termination -> !Suspension.ended(termination.suspendedUntil, today));
        if (suspended.isPresent()) {
            Supplier terminated = suspended.get();
            return Optional.of(Msg.CREDIT_CODE_SUSPENDED.with(terminated.terminatedOn, terminated.suspendedUntil,
                    Suspension.mayApplyFrom(terminated.suspendedUntil)));
        }
        return accounts.findByUsername(code).filter(account -> account.supplierId == null)
                .map(account -> Msg.CREDIT_CODE_IS_STAFF.with());
    }

    private List<CheckedListing> listings(SupplierImportRequest supplier, FileState file, List<InvalidField> errors) {
        List<CheckedListing> checked = new ArrayList<>();
        Map<String, Integer> indexOfModel = new HashMap<>();
        List<SupplierImportRequest.ProductImport> products = supplier.productsOrNone();
        for (int i = 0; i < products.size(); i++) {
            String prefix = "products[" + i + "]";
            SupplierImportRequest.ProductImport product = products.get(i);
            if (product == null) {
                errors.add(new InvalidField(prefix, Msg.MUST_BE_OBJECT.with()));
                continue;
            }
            List<InvalidField> found = new ArrayList<>(violations(validator.validate(product.listing()), prefix + "."));
            found.addAll(violations(validator.validate(product), prefix + "."));
            if (found.isEmpty()) {
                Map<String, Object> parameters = parameters(product, prefix, file, found);
                found.addAll(modelAndDate(product, i, supplier.admittedOn(), indexOfModel));
                if (found.isEmpty()) {
                    checked.add(new CheckedListing(product, parameters));
                }
            }
            errors.addAll(found);
        }
        return checked;
    }

    /** The parameters as the template normalises them, when the category is known and they satisfy it. */
    private Map<String, Object> parameters(SupplierImportRequest.ProductImport product, String prefix, FileState file,
                              List<InvalidField> errors) {
        Optional<ParameterTemplate> template = file.templateOf.computeIfAbsent(product.categoryCode(),
                code -> categories.findOptional(code).map(templates::templateOf));
        if (template.isEmpty()) {
            errors.add(new InvalidField(prefix + ".categoryCode", Msg.UNKNOWN_CATEGORY.with()));
            return null;
        }
        List<Violation> violations = template.get().check(product.parameters());
        violations.forEach(violation -> errors.add(new InvalidField(prefix + "." + violation.field(), violation.message())));
        return violations.isEmpty() ? template.get().normalize(product.parameters()) : null;
    }

    private List<InvalidField> modelAndDate(SupplierImportRequest.ProductImport product, int index, LocalDate admittedOn,
                                          Map<String, Integer> indexOfModel) {
        List<InvalidField> errors = new ArrayList<>();
        String prefix = "products[" + index + "]";
        String key = product.brand().trim().toUpperCase(Locale.ROOT) + "\n" + product.model().trim().toUpperCase(Locale.ROOT);
        Integer first = indexOfModel.putIfAbsent(key, index);
        if (first != null) {
            errors.add(new InvalidField(prefix + ".model", Msg.MODEL_ALSO_IN_PRODUCT.with(first)));
        }
        LocalDate today = dates.today();
        if (admittedOn != null && product.listedOn().isBefore(admittedOn)) {
            errors.add(new InvalidField(prefix + ".listedOn", Msg.LISTED_BEFORE_ADMISSION.with(admittedOn)));
        }
        if (product.listedOn().isAfter(today)) {
            errors.add(new InvalidField(prefix + ".listedOn", Msg.NOT_IN_FUTURE_TODAY_IS.with(today)));
        }
        return errors;
    }

    private static <T> List<InvalidField> violations(Set<ConstraintViolation<T>> violations, String prefix) {
        return violations.stream()
                .map(violation -> new InvalidField(prefix + violation.getPropertyPath(), ConstraintTexts.of(violation)))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
