package cn.emall.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cities (leagues) of Inner Mongolia the demo suppliers and purchasing units are in: their
 * county-level divisions with the division codes that start a local company's credit code,
 * their telephone area codes, and their purchasing units (采购单位).
 */
final class DemoPlaces {

    /** A county-level division: its code (positions 3-8 of a credit code) and name. */
    record District(String code, String name) {
    }

    /**
     * A prefecture-level city or league.
     *
     * @param name     its full name, for example 呼和浩特市
     * @param areaCode its telephone area code
     * @param weight   its share of the suppliers, relative to the others
     * @param districts its districts that suppliers are registered in
     */
    record City(String name, String areaCode, int weight, List<District> districts) {

        /** A random district of the city. */
        District district(SplittableRandom random) {
            return districts.get(random.nextInt(districts.size()));
        }
    }

    static final List<City> CITIES = List.of(
            city("呼和浩特市", "0471", 30, "150102", "新城区", "150103", "回民区", "150104", "玉泉区", "150105", "赛罕区"),
            city("包头市", "0472", 20, "150202", "东河区", "150203", "昆都仑区", "150204", "青山区", "150207", "九原区"),
            city("乌海市", "0473", 4, "150302", "海勃湾区"),
            city("赤峰市", "0476", 10, "150402", "红山区", "150404", "松山区"),
            city("通辽市", "0475", 6, "150502", "科尔沁区"),
            city("鄂尔多斯市", "0477", 12, "150602", "东胜区", "150603", "康巴什区"),
            city("呼伦贝尔市", "0470", 5, "150702", "海拉尔区"),
            city("巴彦淖尔市", "0478", 4, "150802", "临河区"),
            city("乌兰察布市", "0474", 5, "150902", "集宁区"),
            city("锡林郭勒盟", "0479", 4, "152502", "锡林浩特市"));

    /** The region-level units, all in the capital. */
    private static final List<String> REGION_UNITS = List.of("内蒙古自治区财政厅", "内蒙古自治区教育厅",
            "内蒙古自治区公安厅", "内蒙古自治区卫生健康委员会", "内蒙古自治区自然资源厅", "内蒙古自治区机关事务管理局",
            "内蒙古大学", "内蒙古师范大学", "内蒙古农业大学", "内蒙古工业大学", "内蒙古医科大学",
            "内蒙古自治区人民医院", "内蒙古自治区图书馆", "内蒙古自治区疾病预防控制中心");

    private static final List<String> CITY_UNITS = List.of("财政局", "教育局", "公安局", "卫生健康委员会",
            "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "农牧局", "水务局", "民政局",
            "人力资源和社会保障局", "市场监督管理局", "统计局", "审计局", "应急管理局", "政务服务局",
            "机关事务服务中心", "第一中学", "第二中学", "第三中学", "实验小学", "人民医院", "中医医院", "妇幼保健院",
            "疾病预防控制中心", "中级人民法院", "人民检察院", "档案馆", "图书馆");

    private static final List<String> DISTRICT_UNITS = List.of("人民政府办公室", "教育局", "财政局", "人民医院",
            "第一中学", "实验小学", "人民法院", "卫生健康委员会");

    private final List<String> allUnits = new ArrayList<>();
    private final int[] firstUnit = new int[CITIES.size()];
    private final int[] unitCount = new int[CITIES.size()];
    private final int totalWeight = CITIES.stream().mapToInt(City::weight).sum();

    DemoPlaces() {
        for (int i = 0; i < CITIES.size(); i++) {
            City city = CITIES.get(i);
            firstUnit[i] = allUnits.size();
            if (i == 0) {
                allUnits.addAll(REGION_UNITS);
            }
            CITY_UNITS.forEach(unit -> allUnits.add(city.name() + unit));
            for (District district : city.districts()) {
                DISTRICT_UNITS.forEach(unit -> allUnits.add(city.name() + district.name() + unit));
            }
            unitCount[i] = allUnits.size() - firstUnit[i];
        }
    }

    /** A random city, the busier ones more often. */
    int city(SplittableRandom random) {
        int ticket = random.nextInt(totalWeight);
        for (int i = 0; i < CITIES.size(); i++) {
            ticket -= CITIES.get(i).weight();
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }

    /** The name of the purchasing unit with the index. */
    String unit(int index) {
        return allUnits.get(index);
    }

    /** A random purchasing unit, mostly one of the supplier's own city; as an index. */
    int buyer(int supplierCity, SplittableRandom random) {
        if (random.nextInt(100) < 65) {
            return firstUnit[supplierCity] + random.nextInt(unitCount[supplierCity]);
        }
        return random.nextInt(allUnits.size());
    }

    private static City city(String name, String areaCode, int weight, String... districts) {
        List<District> list = new ArrayList<>();
        for (int i = 0; i < districts.length; i += 2) {
            list.add(new District(districts[i], districts[i + 1]));
        }
        return new City(name, areaCode, weight, List.copyOf(list));
    }
}
