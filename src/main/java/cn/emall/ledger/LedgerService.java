package cn.emall.ledger;

import cn.emall.ledger.model.FieldViolation;
import cn.emall.ledger.model.LineKey;
import cn.emall.ledger.model.LineShapeRule;
import cn.emall.ledger.model.RecordingMode;
import cn.emall.ledger.model.Refusal;
import cn.emall.ledger.model.ReturnAllowance;
import cn.emall.ledger.model.SaleLine;
import cn.emall.ledger.model.SalesFactChanges;
import cn.emall.ledger.model.SellerRule;
import cn.emall.ledger.model.SupplierStanding;
import cn.emall.platform.error.ConstraintTexts;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.text.Msg;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Records ledger lines (SPEC "Sales ledger"): append-only, idempotent on (order number, line
 * number), returns never above their original (also when two arrive at once: the original line is
 * locked while returns against it are checked), and the nightly rules' sales facts kept up to date
 * in the same transaction. It runs a batch through the rules of {@code ledger.model} and the
 * set-based SQL of {@link SaleLineStore}, {@link SellerLookup} and {@link SalesFactsUpkeep}: a
 * batch of lines costs a handful of statements, not one per line.
 */
@ApplicationScoped
public class LedgerService {

    private final AgroalDataSource dataSource;
    private final Validator validator;
    private final BusinessDates dates;
    private final SaleLineStore saleLines;
    private final SellerLookup sellers;
    private final SalesFactsUpkeep salesFacts;

    LedgerService(AgroalDataSource dataSource, Validator validator, BusinessDates dates, SaleLineStore saleLines,
                  SellerLookup sellers, SalesFactsUpkeep salesFacts) {
        this.dataSource = dataSource;
        this.validator = validator;
        this.dates = dates;
        this.saleLines = saleLines;
        this.sellers = sellers;
        this.salesFacts = salesFacts;
    }

    /**
     * A supplier's ledger lines whose sale happened between the dates (inclusive), in the order they
     * were recorded: what {@code GET /api/v1/sales} answers, for the pages.
     */
    public PageResponse<SaleLineView> lines(long supplierId, LocalDate from, LocalDate to, PageRequest paging) {
        return saleLines.page(supplierId, null, from, to, paging);
    }

    /** Records the lines in order, in one transaction; every line gets its own outcome. */
    @Transactional
    public List<Outcome> record(List<SaleLineRequest> lines, RecordingMode mode) {
        try (Connection connection = dataSource.getConnection()) {
            return new Recording(connection, lines, mode).run();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording ledger lines failed", e);
        }
    }

    /** One line of a batch and what has become of it so far. */
    private static final class SubmittedLine {
        /** The line as the rules see it; null when its fields break their constraints. */
        final SaleLine content;
        Outcome outcome;
        /** The earlier line of the batch with the same key and content, which answers for this one. */
        SubmittedLine repeatOf;
        /** The stored sale that an accepted return refers to. */
        StoredLine original;
        StoredLine created;

        SubmittedLine(SaleLine content, Outcome outcome) {
            this.content = content;
            this.outcome = outcome;
        }

        LineKey key() {
            return content.key();
        }
    }

    /** One call of {@link #record}: its lines pass the steps in order, each step set-based. */
    private final class Recording {
        private final Connection connection;
        private final List<SubmittedLine> submitted = new ArrayList<>();
        private final RecordingMode mode;

        Recording(Connection connection, List<SaleLineRequest> lines, RecordingMode mode) {
            this.connection = connection;
            this.mode = mode;
            for (SaleLineRequest line : lines) {
                submitted.add(submit(line));
            }
        }

        List<Outcome> run() throws SQLException {
            settleRepeatedKeys();
            checkSellers(pending(line -> true));
            store(pending(line -> !line.content.isReturn()));
            checkReturns(pending(line -> line.content.isReturn()));
            store(pending(line -> line.content.isReturn()));
            salesFacts.apply(connection, factChanges());
            settleRepeatsWithinBatch();
            return submitted.stream().map(line -> line.outcome).toList();
        }

        private List<SubmittedLine> pending(Predicate<SubmittedLine> filter) {
            return submitted.stream().filter(line -> line.outcome == null && line.repeatOf == null && filter.test(line)).toList();
        }

        /** Keys already stored, or repeated within the batch: the same content is answered with the stored line. */
        private void settleRepeatedKeys() throws SQLException {
            List<SubmittedLine> candidates = pending(line -> true);
            Map<LineKey, StoredLine> stored = saleLines.byKeys(connection, candidates.stream().map(SubmittedLine::key).distinct().toList());
            Map<LineKey, SubmittedLine> firstInBatch = new HashMap<>();
            for (SubmittedLine line : candidates) {
                StoredLine existing = stored.get(line.key());
                if (existing != null) {
                    line.outcome = answerAgain(line.content, existing);
                    continue;
                }
                SubmittedLine first = firstInBatch.putIfAbsent(line.key(), line);
                if (first != null) {
                    if (line.content.sameContentAs(first.content)) {
                        line.repeatOf = first;
                    } else {
                        line.outcome = refused(new Refusal.IdempotencyConflict(line.key()));
                    }
                }
            }
        }

        private void checkSellers(List<SubmittedLine> lines) throws SQLException {
            Map<Long, SupplierStanding> suppliers = sellers.lockSuppliers(connection,
                    lines.stream().map(line -> line.content.supplierId()).distinct().toList());
            Map<Long, Long> productOwners = sellers.productOwners(connection,
                    lines.stream().map(line -> line.content.productId()).distinct().toList());
            for (SubmittedLine line : lines) {
                SaleLine content = line.content;
                SellerRule.refusal(content, suppliers.get(content.supplierId()), productOwners.get(content.productId()), mode)
                        .ifPresent(refusal -> line.outcome = refused(refusal));
            }
        }

        private void checkReturns(List<SubmittedLine> returns) throws SQLException {
            if (returns.isEmpty()) {
                return;
            }
            Map<LineKey, StoredLine> originals = saleLines.lockByKeys(connection,
                    returns.stream().map(line -> line.content.refersTo()).distinct().toList());
            // With its sale locked, a return that another batch stored meanwhile is visible: it is a
            // retry, answered as one, not counted again against its sale.
            Map<LineKey, StoredLine> storedMeanwhile = saleLines.byKeys(connection, returns.stream().map(SubmittedLine::key).toList());
            List<SubmittedLine> unanswered = returns.stream().filter(line -> {
                StoredLine existing = storedMeanwhile.get(line.key());
                if (existing != null) {
                    line.outcome = answerAgain(line.content, existing);
                }
                return existing == null;
            }).toList();
            Map<Long, ReturnAllowance> allowances = saleLines.returnAllowances(connection, originals.values());
            for (SubmittedLine line : unanswered) {
                StoredLine original = originals.get(line.content.refersTo());
                Optional<Refusal> refusal = original == null ? Optional.of(ReturnAllowance.unknownOriginal())
                        : allowances.get(original.view().id()).accept(line.content);
                if (refusal.isPresent()) {
                    line.outcome = refused(refusal.get());
                } else {
                    line.original = original;
                }
            }
        }

        private void store(List<SubmittedLine> lines) throws SQLException {
            Map<LineKey, StoredLine> inserted = saleLines.insert(connection,
                    lines.stream().map(line -> new SaleLineStore.NewLine(line.content, line.original)).toList());
            Map<LineKey, StoredLine> storedByOthers = saleLines.byKeys(connection,
                    lines.stream().map(SubmittedLine::key).filter(key -> !inserted.containsKey(key)).toList());
            for (SubmittedLine line : lines) {
                StoredLine created = inserted.get(line.key());
                if (created != null) {
                    line.created = created;
                    line.outcome = new Outcome.Created(created.view());
                } else {
                    line.outcome = answerAgain(line.content, storedByOthers.get(line.key()));
                }
            }
        }

        /** The nightly rules' facts: what the lines stored now add to the net per listing and day of the (original) sale. */
        private SalesFactChanges factChanges() {
            SalesFactChanges changes = new SalesFactChanges();
            for (SubmittedLine line : submitted) {
                if (line.created != null) {
                    changes.add(line.content, line.original == null ? null : line.original.content());
                }
            }
            return changes;
        }

        /** A line repeated within the batch is answered as its first occurrence was, as already stored. */
        private void settleRepeatsWithinBatch() {
            for (SubmittedLine line : submitted) {
                if (line.repeatOf != null) {
                    Outcome first = line.repeatOf.outcome;
                    line.outcome = first instanceof Outcome.Created created ? new Outcome.AlreadyStored(created.line()) : first;
                }
            }
        }
    }

    /** The line's fields against their constraints, then its shape; a line that breaks either is refused here. */
    private SubmittedLine submit(SaleLineRequest line) {
        if (line == null) {
            return new SubmittedLine(null, refused(Refusal.Invalid.of("line", Msg.MUST_BE_OBJECT.with())));
        }
        List<FieldViolation> violations = SaleLineShape.certainlyValid(line) ? List.of() : fieldViolations(line);
        if (!violations.isEmpty()) {
            return new SubmittedLine(null, refused(new Refusal.Invalid(violations)));
        }
        SaleLine content = line.content(dates.dateOf(line.occurredAt().toInstant()));
        violations = LineShapeRule.violations(content, dates.now());
        return new SubmittedLine(content, violations.isEmpty() ? null : refused(new Refusal.Invalid(violations)));
    }

    private List<FieldViolation> fieldViolations(SaleLineRequest line) {
        return validator.validate(line).stream()
                .map(violation -> new FieldViolation(violation.getPropertyPath().toString(), ConstraintTexts.of(violation)))
                .toList();
    }

    /** A key stored before: the same content is answered with the stored line, other content is a conflict. */
    private static Outcome answerAgain(SaleLine line, StoredLine stored) {
        return line.sameContentAs(stored.content()) ? new Outcome.AlreadyStored(stored.view())
                : refused(new Refusal.IdempotencyConflict(line.key()));
    }

    private static Outcome refused(Refusal refusal) {
        return new Outcome.Refused(RefusalProblems.problemOf(refusal));
    }
}
