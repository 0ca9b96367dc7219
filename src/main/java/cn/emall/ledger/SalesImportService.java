package cn.emall.ledger;

import cn.emall.ledger.model.RecordingMode;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.imports.LineProblem;
import cn.emall.platform.imports.LineErrors;
import cn.emall.platform.imports.LineSource;
import cn.emall.platform.imports.Parsed;
import cn.emall.text.Msg;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The historical import of ledger lines (SPEC "Sales ledger": going live with years of history),
 * all or nothing. Lines are read one at a time and recorded in chunks of {@value #CHUNK} by
 * {@link LedgerService} in {@link RecordingMode#IMPORT}, inside one transaction: every line is
 * checked as the order system's would be (idempotent on order and line number, the supplier active on
 * the day of the sale, returns never above their original), and when any line is refused the
 * transaction rolls back and the answer lists the refused lines.
 */
@ApplicationScoped
public class SalesImportService {

    /** Lines recorded per round trip to the ledger. */
    public static final int CHUNK = 1000;

    /**
     * Seconds one import may take. Reading the body happens inside the transaction, and a file of
     * 100,000 lines takes far longer than the default 60 seconds on a small machine.
     */
    static final int TIMEOUT_SECONDS = 1800;

    /** The field of a line that a refusal without field errors concerns, by the refusal's type. */
    private static final Map<String, String> FIELD_OF_REFUSAL = Map.of(
            "idempotency-conflict", "orderNo",
            "over-return", "quantity",
            "supplier-not-active", "occurredAt");

    private final LedgerService ledger;

    public SalesImportService(LedgerService ledger) {
        this.ledger = ledger;
    }

    /**
     * @param lines how many lines the file held
     * @param created how many were stored now
     * @param alreadyStored how many were in the ledger already with the same content (idempotent)
     */
    @Schema(description = "A historical import of ledger lines, all stored: how many lines were read, created and already stored")
    public record SalesImportResult(int lines, int created, int alreadyStored) {
    }

    /**
     * Records every line of the source, or none.
     *
     * @throws ProblemException 400 {@code import-rejected} listing the refused lines when any line is refused
     */
    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public SalesImportResult importLines(LineSource<SaleLineRequest> source) {
        Run run = new Run(source);
        run.readAll();
        return run.result();
    }

    /** One import in progress. */
    private final class Run {
        private final LineSource<SaleLineRequest> source;
        private final LineErrors errors = new LineErrors();
        private final List<Parsed<SaleLineRequest>> chunk = new ArrayList<>(CHUNK);
        private final List<LineProblem> chunkErrors = new ArrayList<>();
        private int lines;
        private int created;
        private int alreadyStored;

        Run(LineSource<SaleLineRequest> source) {
            this.source = source;
        }

        void readAll() {
            for (Parsed<SaleLineRequest> line = next(); line != null; line = next()) {
                lines++;
                if (line.isRefused()) {
                    chunkErrors.addAll(line.errors());
                } else {
                    chunk.add(line);
                }
                if (chunk.size() + chunkErrors.size() >= CHUNK) {
                    flush();
                }
            }
            flush();
        }

        SalesImportResult result() {
            if (lines == 0) {
                throw ProblemException.invalid("body", Msg.IMPORT_NO_LINES.with());
            }
            if (!errors.isEmpty()) {
                throw errors.rejection(lines);
            }
            return new SalesImportResult(lines, created, alreadyStored);
        }

        private Parsed<SaleLineRequest> next() {
            try {
                return source.next();
            } catch (IOException e) {
                throw new ProblemException(400, "malformed-request", Msg.MALFORMED_TITLE, Msg.IMPORT_BODY_CUT_SHORT.with(lines));
            }
        }

        /** Records the chunk and adds its refusals, with the lines that could not be read, in line order. */
        private void flush() {
            if (!chunk.isEmpty()) {
                List<Outcome> outcomes = ledger.record(chunk.stream().map(Parsed::value).toList(), RecordingMode.IMPORT);
                for (int i = 0; i < outcomes.size(); i++) {
                    count(chunk.get(i).line(), outcomes.get(i));
                }
            }
            chunkErrors.sort(Comparator.comparingInt(LineProblem::line));
            errors.addAll(chunkErrors);
            chunk.clear();
            chunkErrors.clear();
        }

        private void count(int line, Outcome outcome) {
            if (outcome instanceof Outcome.Created) {
                created++;
            } else if (outcome instanceof Outcome.AlreadyStored) {
                alreadyStored++;
            } else {
                chunkErrors.addAll(lineErrors(line, ((Outcome.Refused) outcome).problem()));
            }
        }

        /** A refusal as line errors: its field errors, or its detail with the field it concerns. */
        private List<LineProblem> lineErrors(int line, ProblemException problem) {
            boolean validation = problem.kind().equals("validation");
            if (problem.errors().isEmpty()) {
                return List.of(new LineProblem(line, name(FIELD_OF_REFUSAL.get(problem.kind())), problem.detail()));
            }
            List<LineProblem> result = new ArrayList<>();
            for (InvalidField error : problem.errors()) {
                result.add(new LineProblem(line, name(error.field()), validation ? error.message() : problem.detail()));
            }
            return result;
        }

        private String name(String field) {
            return field == null ? null : source.nameOf(field);
        }
    }
}
