package cn.emall.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What client generators rely on in the served document ({@code /q/openapi}): named and described
 * schemas, money as decimal strings, every error answer listed with its problem body, and the
 * creating operations answering 201 with Location. That every exchange of the suite matches the
 * document is checked for every test (cn.emall.testsupport.contract).
 */
@QuarkusTest
class ServedDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> MONEY = Set.of("price", "unitPrice", "amount", "remainingAmount", "netSalesAmount");
    private JsonNode document;

    @BeforeEach
    void read() throws IOException {
        document = new ObjectMapper().readTree(RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void documentIsOpenApi303() {
        assertEquals("3.0.3", document.path("openapi").asText());
    }

    @Test
    void everyComponentSchemaHasADescriptionAndAName() {
        List<String> wrong = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            if (schema.getValue().path("description").asText().isBlank()) {
                wrong.add(schema.getKey() + " has no description");
            }
            if (Character.isDigit(schema.getKey().charAt(schema.getKey().length() - 1))) {
                wrong.add(schema.getKey() + " is a duplicate name, numbered by the scanner");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void moneyIsADecimalStringWithItsPattern() {
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema ->
                schema.getValue().path("properties").properties().forEach(property -> {
                    if (MONEY.contains(property.getKey())) {
                        String where = schema.getKey() + "." + property.getKey();
                        checked.add(where);
                        JsonNode money = property.getValue();
                        if (!money.path("type").asText().equals("string") || !money.path("format").asText().equals("number")
                                || !money.path("pattern").asText().startsWith("^")) {
                            wrong.add(where + " is " + money);
                        }
                    }
                }));
        assertEquals(List.of(), wrong);
        assertTrue(checked.containsAll(List.of("ProductView.price", "ListingRequest.price", "SaleLineView.unitPrice",
                "SaleLineView.amount", "SaleLineRequest.unitPrice", "SaleLineRequest.amount", "Problem.remainingAmount",
                "Evidence.netSalesAmount")), "checked " + checked);
    }

    @Test
    void everyOperationListsTheErrorsItCanAnswerWithAProblemBody() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            Set<String> expected = new TreeSet<>(List.of("500", "503"));
            if (op.body().isObject() || op.hasParameters()) {
                expected.add("400");
            }
            if (op.body().isObject()) {
                expected.addAll(List.of("413", "415"));
            }
            if (op.secured()) {
                expected.addAll(List.of("401", "403"));
            }
            if (op.path().contains("{")) {
                expected.add("404");
            }
            Set<String> listed = new TreeSet<>();
            op.responses().fieldNames().forEachRemaining(listed::add);
            if (!listed.containsAll(expected)) {
                wrong.add(op + " lists " + listed + ", not all of " + expected);
            }
            op.responses().properties().stream().filter(r -> r.getKey().compareTo("400") >= 0).forEach(r -> {
                JsonNode schema = r.getValue().path("content").path("application/problem+json").path("schema");
                if (!schema.path("$ref").asText().equals("#/components/schemas/Problem")) {
                    wrong.add(op + " " + r.getKey() + " has no Problem body");
                }
            });
            if (op.node().path("operationId").asText().isBlank()) {
                wrong.add(op + " has no operationId");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void problemSchemaNamesTheMembersAndExtensionsTheServiceAnswers() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        Set<String> members = new TreeSet<>();
        problem.path("properties").fieldNames().forEachRemaining(members::add);
        assertTrue(members.containsAll(List.of("type", "title", "status", "detail", "instance", "errors", "incident",
                        "remainingQuantity", "remainingAmount", "deadline", "mayApplyFrom", "suspendedUntil", "runId",
                        "lastRealRun", "retryAfterSeconds", "lines", "rejectedLines", "errorCount", "requiredColumns",
                        "optionalColumns")), "Problem has " + members);
        assertEquals(List.of("type", "title", "status", "detail"), toList(problem.path("required")));
    }

    @Test
    void creatingOperationsAnswer201WithLocationAndTheirBody() {
        Map<String, String> created = Map.of(
                "post /api/v1/accounts", "AccountView",
                "post /api/v1/supplier-applications", "SupplierApplicationView",
                "post /api/v1/categories", "CategoryView",
                "post /api/v1/products", "ProductView",
                "post /api/v1/notices", "NoticeView",
                "post /api/v1/notices/{id}/appeal", "AppealView",
                "post /api/v1/cleanup-runs", "RunReport",
                "post /api/v1/sales", "SaleLineView");
        List<String> wrong = new ArrayList<>();
        created.forEach((key, view) -> {
            String[] parts = key.split(" ");
            JsonNode answer = document.path("paths").path(parts[1]).path(parts[0]).path("responses").path("201");
            if (!answer.path("headers").has("Location")
                    || !answer.path("content").path("application/json").path("schema").path("$ref").asText()
                    .equals("#/components/schemas/" + view)) {
                wrong.add(key + " answers 201 as " + answer);
            }
        });
        for (Operation op : operations()) {
            op.responses().properties().forEach(r -> {
                JsonNode schema = r.getValue().path("content").path("application/json").path("schema");
                if (r.getValue().path("content").has("application/json") && schema.isObject() && schema.isEmpty()) {
                    wrong.add(op + " " + r.getKey() + " has an untyped body");
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void sandboxClockIsListedWhereItIsOn() {
        assertTrue(document.path("paths").has("/api/v1/sandbox/clock"), "the test profile has the sandbox clock on");
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asText()));
        return list;
    }

    private record Operation(String method, String path, JsonNode node, boolean pathParameters) {

        JsonNode responses() {
            return node.path("responses");
        }

        JsonNode body() {
            return node.path("requestBody");
        }

        boolean hasParameters() {
            return node.path("parameters").size() > 0 || pathParameters;
        }

        boolean secured() {
            return node.path("security").size() > 0;
        }

        @Override
        public String toString() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey(), path.getKey(), op.getValue(),
                        path.getValue().path("parameters").size() > 0));
            }
        }));
        return operations;
    }
}
