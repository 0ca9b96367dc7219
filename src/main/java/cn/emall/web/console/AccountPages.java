package cn.emall.web.console;

import cn.emall.account.Account;
import cn.emall.account.AccountRepository;
import cn.emall.account.AccountService;
import cn.emall.account.CreateAccount;
import cn.emall.account.StaffRole;
import cn.emall.platform.error.ConstraintTexts;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.web.Labels;
import cn.emall.web.Paging;
import cn.emall.web.Queries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * 账号: the staff accounts (officers and order systems) and a new one. The new account is checked by
 * the API's own request record ({@link CreateAccount}: its username pattern and password length) and
 * created by {@link AccountService#createStaff}, with the signed-in officer as the actor.
 */
@Path("/console/accounts")
@PermitAll
@SignedIn
public class AccountPages {

    public record Row(long id, String username, String role, OffsetDateTime createdAt) {

        public String roleLabel() {
            return Labels.of("ROLE", role);
        }
    }

    public record AccountForm(String username, String role) {

        static final AccountForm EMPTY = new AccountForm("", StaffRole.ORDER_SYSTEM.name());

        public List<Labels.Choice> roles() {
            return Arrays.stream(StaffRole.values())
                    .map(r -> new Labels.Choice(r.name(), Labels.of("ROLE", r.name()), r.name().equals(role))).toList();
        }
    }

    public record Accounts(List<Row> rows, Paging paging, String created) {

        public String url(long page) {
            return "/console/accounts" + (page > 0 ? "?page=" + page : "");
        }
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance accounts(Accounts accounts, AccountForm form, FormErrors errors);
    }

    private final AccountRepository stored;
    private final AccountService accounts;
    private final Validator validator;
    private final BusinessDates dates;
    private final ConsoleSession console;

    public AccountPages(AccountRepository stored, AccountService accounts, Validator validator, BusinessDates dates,
                        ConsoleSession console) {
        this.stored = stored;
        this.accounts = accounts;
        this.validator = validator;
        this.dates = dates;
        this.console = console;
    }

    @GET
    @Transactional
    public Response list(@QueryParam("page") String page, @QueryParam("created") String created) {
        return ConsolePages.page(Templates.accounts(accountsAt(Queries.paging(page, null), created), AccountForm.EMPTY,
                FormErrors.NONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("role") String role) {
        AccountForm form = new AccountForm(username == null ? "" : username.trim(), role == null ? "" : role);
        try {
            StaffRole chosen = Params.enumValue("role", role, StaffRole.class);
            CreateAccount request = new CreateAccount(form.username(), password, chosen);
            List<InvalidField> refused = validator.validate(request).stream()
                    .map(v -> new InvalidField(v.getPropertyPath().toString(), ConstraintTexts.of(v)))
                    .sorted(Comparator.comparing(InvalidField::field)).toList();
            Queries.refuse(refused);
            Account account = accounts.createStaff(console.officer(), request.username(), request.password(), chosen.name());
            return ConsolePages.seeOther("/console/accounts?created=" + account.username);
        } catch (ProblemException e) {
            return ConsolePages.page(e.status(), Templates.accounts(accountsAt(PageRequest.of(0, null), null), form,
                    FormErrors.of(e)));
        }
    }

    private Accounts accountsAt(PageRequest paging, String created) {
        List<Row> rows = stored.staff(paging).stream()
                .map(a -> new Row(a.id, a.username, a.role, a.createdAt == null ? null : dates.local(a.createdAt))).toList();
        return new Accounts(rows, Paging.of(paging, stored.staffCount()), created);
    }
}
