package cn.emall.platform.text;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every string Jackson reads passes SafeText, and the refusal knows the field's path. */
class SafeTextJsonTest {

    record Material(String kind, String documentRef) {
    }

    record Body(String name, List<String> tags, List<Material> materials, Map<String, Object> parameters) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(SafeTextJson.module());

    private String refusedAt(String json) {
        UnsafeTextException e = assertThrows(UnsafeTextException.class, () -> mapper.readValue(json, Body.class));
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : (path.isEmpty() ? "" : ".") + ref.getFieldName());
        }
        return path + ": " + e.reason();
    }

    @Test
    void aNulInAFieldIsRefusedNamingTheField() {
        String refused = refusedAt("{\"name\": \"包头\\u0000市\"}");
        assertTrue(refused.startsWith("name: must not contain the control character U+0000"), refused);
    }

    @Test
    void stringsInListsNestedObjectsAndFreeFormMapsAreChecked() {
        assertTrue(refusedAt("{\"tags\": [\"ok\", \"\\u0007\"]}").startsWith("tags[1]: "));
        assertTrue(refusedAt("{\"materials\": [{\"kind\": \"CONTRACT\", \"documentRef\": \"doc\\u001b\"}]}")
                .startsWith("materials[0].documentRef: "));
        assertTrue(refusedAt("{\"parameters\": {\"CPU型号\": \"i5\\u0000\"}}").startsWith("parameters.CPU型号: "));
        String inList = refusedAt("{\"parameters\": {\"接口\": [\"USB\", \"\\u0000\"]}}");
        assertTrue(inList.startsWith("parameters.接口: "), inList);
        String key = refusedAt("{\"parameters\": {\"CPU\\u0000\": \"i5\"}}");
        assertTrue(key.startsWith("parameters: must not contain the control character U+0000"), key);
    }

    @Test
    void aLoneSurrogateEscapeIsRefused() {
        assertTrue(refusedAt("{\"name\": \"\\ud800\"}").contains("U+D800"));
        assertTrue(refusedAt("{\"name\": \"\\udc00\\ud83d\"}").contains("U+DC00"));
    }

    @Test
    void ordinaryTextWholeSurrogatePairsTabsAndLineBreaksAreRead() throws Exception {
        Body body = mapper.readValue("{\"name\": \"好评 \\ud83d\\ude00\\t第二行\\r\\n\", \"tags\": [\"a\"],"
                + " \"parameters\": {\"CPU型号\": \"i5\", \"内存\": 16}}", Body.class);
        assertEquals("好评 \uD83D\uDE00\t第二行\r\n", body.name());
        assertEquals(Map.of("CPU型号", "i5", "内存", 16), body.parameters());
        assertEquals(null, mapper.readValue("{\"name\": null}", Body.class).name());
    }

    @Test
    void theMappersCoercionRulesStillApplyToStrings() {
        ObjectMapper strict = new ObjectMapper().registerModule(SafeTextJson.module());
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        assertThrows(MismatchedInputException.class, () -> strict.readValue("{\"name\": 12345}", Body.class));
    }
}
