package cn.emall.web;

import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reading a page's query parameters as the API reads them, so that a page refuses what the API refuses
 * and names every bad parameter at once (an error page with 400).
 */
public final class Queries {

    private Queries() {
    }

    /** page and size, each refused with its own reason. */
    public static PageRequest paging(String page, String size) {
        List<InvalidField> refused = new ArrayList<>();
        PageRequest paging = paging(refused, page, size);
        refuse(refused);
        return paging;
    }

    /** page and size, their problems added to the others. */
    public static PageRequest paging(List<InvalidField> refused, String page, String size) {
        Integer number = read(refused, () -> Params.wholeNumber("page", page));
        Integer length = read(refused, () -> Params.wholeNumber("size", size));
        return read(refused, () -> PageRequest.of(number, length));
    }

    /** What the parameter reads as, or null with its problems added to the others, so that the page names every one. */
    public static <T> T read(List<InvalidField> refused, Supplier<T> parameter) {
        try {
            return parameter.get();
        } catch (ProblemException e) {
            refused.addAll(e.errors());
            return null;
        }
    }

    /** Throws the problem naming every refused parameter, if there is one. */
    public static void refuse(List<InvalidField> refused) {
        if (!refused.isEmpty()) {
            throw ProblemException.invalid(refused);
        }
    }
}
