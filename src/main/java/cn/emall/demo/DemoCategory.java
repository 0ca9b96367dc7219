package cn.emall.demo;

import cn.emall.catalog.model.ParameterSpec;
import cn.emall.catalog.model.ParameterType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The categories of the demo catalogue: what Inner Mongolia's units buy most on the e-mall.
 * Each has a standard parameter template, the brands and product series its listings use,
 * a price range, how many units one order line takes at most, and how often it sells
 * relative to the others. {@link #parameters(SplittableRandom)} gives a listing's parameters,
 * always within the template.
 */
enum DemoCategory {

    DESKTOP("台式计算机", 3_600, 9_800, 30, 1.2,
            List.of(processor(), number("内存容量", "GB", "4", "128", true), number("硬盘容量", "GB", "128", "8192", true),
                    number("显示器尺寸", "英寸", "18.5", "34", false), operatingSystem(), bool("信创产品", true)),
            brand("联想", "ThinkCentre M90t", "启天M450", "开天M90z"), brand("华为", "擎云B730", "擎云W515"),
            brand("惠普", "ProDesk 400 G9", "EliteDesk 800 G9"), brand("戴尔", "OptiPlex 7010", "成就3710"),
            brand("清华同方", "超翔TZ830"), brand("长城", "世恒TD120")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> values = computer(random);
            if (random.nextInt(10) < 7) {
                values.put("显示器尺寸", pick(random, decimals("21.5", "23.8", "27")));
            }
            values.put("操作系统", operatingSystemFor((String) values.get("处理器"), random));
            values.put("信创产品", isDomestic((String) values.get("处理器")));
            return values;
        }
    },

    LAPTOP("便携式计算机", 4_500, 12_800, 15, 0.8,
            List.of(processor(), number("内存容量", "GB", "4", "64", true), number("硬盘容量", "GB", "128", "4096", true),
                    number("屏幕尺寸", "英寸", "11", "18", true), number("重量", "kg", "0.8", "3.5", false), operatingSystem()),
            brand("联想", "ThinkPad E14", "昭阳K4e"), brand("华为", "MateBook D16", "MateBook 14"),
            brand("惠普", "ProBook 440 G10"), brand("戴尔", "Latitude 5440"), brand("宏碁", "TravelMate P2")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> values = computer(random);
            values.put("屏幕尺寸", pick(random, decimals("13.3", "14", "15.6", "16")));
            if (random.nextBoolean()) {
                values.put("重量", BigDecimal.valueOf(110 + random.nextInt(120), 2));
            }
            values.put("操作系统", operatingSystemFor((String) values.get("处理器"), random));
            return values;
        }
    },

    PRINTER("打印机", 1_200, 6_800, 6, 1.0,
            List.of(choice("打印类型", "黑白激光", "彩色激光", "黑白喷墨", "彩色喷墨"), choice("最大幅面", "A4", "A3"),
                    number("打印速度", "页/分钟", "10", "80", true), bool("自动双面", true), bool("网络打印", false)),
            brand("惠普", "LaserJet Pro M405", "LaserJet MFP M437"), brand("佳能", "imageCLASS LBP6230", "iR 2425"),
            brand("兄弟", "HL-5595DN", "DCP-B7535DW"), brand("奔图", "P3301DN", "M7105DN"),
            brand("得力", "P2000DN"), brand("理光", "P 501")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("打印类型", pick(random, "黑白激光", "黑白激光", "彩色激光", "黑白喷墨", "彩色喷墨"));
            values.put("最大幅面", random.nextInt(4) == 0 ? "A3" : "A4");
            values.put("打印速度", 18 + 2 * random.nextInt(20));
            values.put("自动双面", random.nextInt(4) != 0);
            if (random.nextBoolean()) {
                values.put("网络打印", random.nextInt(3) != 0);
            }
            return values;
        }
    },

    MONITOR("显示器", 700, 3_200, 30, 0.8,
            List.of(number("屏幕尺寸", "英寸", "18.5", "43", true), choice("分辨率", "1920×1080", "2560×1440", "3840×2160"),
                    choice("面板类型", "IPS", "VA", "TN"), number("刷新率", "Hz", "60", "240", false)),
            brand("联想", "ThinkVision T24i", "ThinkVision P27h"), brand("戴尔", "P2422H", "U2723QE"),
            brand("华为", "MateView SE"), brand("飞利浦", "242E1"), brand("AOC", "24B2XH"), brand("三星", "S24C310")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("屏幕尺寸", pick(random, decimals("21.5", "23.8", "23.8", "27", "31.5")));
            values.put("分辨率", pick(random, "1920×1080", "1920×1080", "2560×1440", "3840×2160"));
            values.put("面板类型", pick(random, "IPS", "IPS", "VA", "TN"));
            if (random.nextBoolean()) {
                values.put("刷新率", pick(random, 60, 75, 100, 144));
            }
            return values;
        }
    },

    COPY_PAPER("复印纸", 120, 280, 120, 3.0,
            List.of(choice("幅面", "A4", "A3", "B5"), number("克重", "g/m²", "60", "120", true),
                    number("每包张数", "张", "100", "500", true), number("每箱包数", "包", "1", "10", true),
                    number("白度", "%", "80", "100", false)),
            brand("得力", "佳宣", "莱茵河"), brand("晨光", "蓝晨光", "绿晨光"), brand("亚太森博", "百旺", "王子"),
            brand("金光", "金旗舰"), brand("齐心", "皓采")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("幅面", pick(random, "A4", "A4", "A4", "A3", "B5"));
            values.put("克重", pick(random, 70, 70, 80));
            values.put("每包张数", 500);
            values.put("每箱包数", pick(random, 5, 8, 10));
            if (random.nextBoolean()) {
                values.put("白度", 90 + random.nextInt(9));
            }
            return values;
        }
    },

    OFFICE_CHAIR("办公椅", 280, 1_900, 60, 1.0,
            List.of(choice("面料", "网布", "皮革", "布艺", "人造革"), bool("扶手", true), bool("可升降", true),
                    number("最大承重", "kg", "80", "200", false), text("颜色", false)),
            brand("得力", "人体工学椅"), brand("震旦", "AC"), brand("圣奥", "SA"), brand("永艺", "撑腰椅"),
            brand("黑白调", "HDNY")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("面料", pick(random, "网布", "网布", "皮革", "布艺", "人造革"));
            values.put("扶手", random.nextInt(5) != 0);
            values.put("可升降", random.nextInt(5) != 0);
            if (random.nextBoolean()) {
                values.put("最大承重", pick(random, 120, 136, 150));
            }
            putColour(values, random);
            return values;
        }
    },

    OFFICE_DESK("办公桌", 800, 4_800, 30, 0.6,
            List.of(choice("材质", "钢木", "实木", "人造板", "钢制"), number("长度", "mm", "600", "3600", true),
                    number("宽度", "mm", "400", "1500", true), number("高度", "mm", "650", "800", true), text("颜色", false)),
            brand("震旦", "OD"), brand("圣奥", "SD"), brand("得力", "办公桌"), brand("美时", "MS")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("材质", pick(random, "钢木", "钢木", "实木", "人造板", "钢制"));
            values.put("长度", pick(random, 1200, 1400, 1600, 1800));
            values.put("宽度", pick(random, 600, 700, 800));
            values.put("高度", pick(random, 750, 760));
            putColour(values, random);
            return values;
        }
    },

    AIR_CONDITIONER("空调", 2_600, 16_000, 12, 0.5,
            List.of(choice("类型", "壁挂式", "柜式", "吸顶式"), number("匹数", "匹", "0.75", "10", true),
                    number("制冷量", "W", "1800", "28000", true), choice("能效等级", "一级", "二级", "三级"),
                    bool("变频", true)),
            brand("格力", "云佳 KFR-35GW", "天丽 KFR-72LW"), brand("美的", "酷省电 KFR-35GW", "锐静 KFR-51LW"),
            brand("海尔", "静悦 KFR-35GW", "KFR-72LW"), brand("奥克斯", "KFR-35GW"), brand("海信", "KFR-35GW")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            int size = random.nextInt(5);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("类型", size < 2 ? "壁挂式" : size < 4 ? "柜式" : "吸顶式");
            values.put("匹数", decimals("1", "1.5", "2", "3", "5")[size]);
            values.put("制冷量", new int[] {2600, 3500, 5100, 7200, 12000}[size]);
            values.put("能效等级", pick(random, "一级", "一级", "二级", "三级"));
            values.put("变频", random.nextInt(6) != 0);
            return values;
        }
    };

    /** A brand and the product series its listings are named after. */
    record Brand(String name, List<String> series) {
    }

    /** Values several categories share; a holder, because enum constants are built before static fields. */
    private static final class Shared {
        static final String[] PROCESSORS = {"英特尔酷睿i5-12500", "英特尔酷睿i7-12700", "英特尔酷睿i5-13500",
            "龙芯3A6000", "飞腾D2000", "兆芯KX-U6780A", "海光C86-3250"};
        static final String[] DOMESTIC_SYSTEMS = {"统信UOS", "银河麒麟"};
        static final String WINDOWS = "Windows 11 专业版";
        static final String[] COLOURS = {"黑色", "灰色", "胡桃木色", "浅灰色", "蓝色"};
    }

    private final String displayName;
    private final int minPriceYuan;
    private final int maxPriceYuan;
    private final int maxQuantity;
    private final double popularity;
    private final List<ParameterSpec> template;
    private final List<Brand> brands;

    DemoCategory(String displayName, int minPriceYuan, int maxPriceYuan, int maxQuantity, double popularity,
                 List<ParameterSpec> template, Brand... brands) {
        this.displayName = displayName;
        this.minPriceYuan = minPriceYuan;
        this.maxPriceYuan = maxPriceYuan;
        this.maxQuantity = maxQuantity;
        this.popularity = popularity;
        this.template = template;
        this.brands = List.of(brands);
    }

    /** A listing's parameters by name, in template order, satisfying the template. */
    abstract Map<String, Object> parameters(SplittableRandom random);

    /** The category's Chinese name. */
    String displayName() {
        return displayName;
    }

    /** The standard parameter template. */
    List<ParameterSpec> template() {
        return template;
    }

    /** How often a listing of this category sells, relative to an average listing. */
    double popularity() {
        return popularity;
    }

    /** A random brand of the category. */
    Brand brand(SplittableRandom random) {
        return brands.get(random.nextInt(brands.size()));
    }

    /** A listing price in cents: above 1,000 yuan it ends in 9 yuan, below it in whole or half yuan. */
    int priceCents(SplittableRandom random) {
        int yuan = minPriceYuan + random.nextInt(maxPriceYuan - minPriceYuan + 1);
        if (yuan >= 1_000) {
            return (yuan / 10 * 10 + 9) * 100;
        }
        return yuan * 100 + (random.nextBoolean() ? 50 : 0);
    }

    /** The units of one order line: mostly a few, sometimes up to the category's maximum. */
    int quantity(SplittableRandom random) {
        double u = random.nextDouble();
        return 1 + (int) (maxQuantity * u * u * u);
    }

    private static Map<String, Object> computer(SplittableRandom random) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("处理器", pick(random, Shared.PROCESSORS));
        values.put("内存容量", pick(random, 8, 16, 16, 32));
        values.put("硬盘容量", pick(random, 256, 512, 512, 1024, 2048));
        return values;
    }

    private static boolean isDomestic(String processor) {
        return !processor.startsWith("英特尔");
    }

    private static String operatingSystemFor(String processor, SplittableRandom random) {
        return isDomestic(processor) ? pick(random, Shared.DOMESTIC_SYSTEMS) : Shared.WINDOWS;
    }

    private static void putColour(Map<String, Object> values, SplittableRandom random) {
        if (random.nextBoolean()) {
            values.put("颜色", pick(random, Shared.COLOURS));
        }
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static BigDecimal[] decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toArray(BigDecimal[]::new);
    }

    private static Brand brand(String name, String... series) {
        return new Brand(name, List.of(series));
    }

    private static ParameterSpec processor() {
        return choice("处理器", Shared.PROCESSORS);
    }

    private static ParameterSpec operatingSystem() {
        return choice("操作系统", Shared.DOMESTIC_SYSTEMS[0], Shared.DOMESTIC_SYSTEMS[1], Shared.WINDOWS);
    }

    private static ParameterSpec number(String name, String unit, String min, String max, boolean required) {
        return new ParameterSpec(name, ParameterType.NUMBER, unit, new BigDecimal(min), new BigDecimal(max), null,
                required);
    }

    private static ParameterSpec choice(String name, String... values) {
        return new ParameterSpec(name, ParameterType.ENUM, null, null, null, List.of(values), true);
    }

    private static ParameterSpec bool(String name, boolean required) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, null, null, null, null, required);
    }

    private static ParameterSpec text(String name, boolean required) {
        return new ParameterSpec(name, ParameterType.TEXT, null, null, null, null, required);
    }
}
