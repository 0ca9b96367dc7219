package cn.emall.demo;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Chinese names for the demo: people, and companies that are unique across the demo. */
final class DemoNames {

    /** What a supplier trades in: its name says so, and it lists only these categories. */
    enum Trade {
        TECHNOLOGY("科技", 30, DemoCategory.DESKTOP, DemoCategory.LAPTOP, DemoCategory.MONITOR, DemoCategory.PRINTER),
        TRADING("商贸", 30, DemoCategory.values()),
        OFFICE_EQUIPMENT("办公设备", 20, DemoCategory.PRINTER, DemoCategory.COPY_PAPER, DemoCategory.MONITOR,
                DemoCategory.DESKTOP),
        FURNITURE("家具", 12, DemoCategory.OFFICE_CHAIR, DemoCategory.OFFICE_DESK),
        APPLIANCES("电器", 8, DemoCategory.AIR_CONDITIONER);

        private final String word;
        private final int weight;
        private final DemoCategory[] categories;

        Trade(String word, int weight, DemoCategory... categories) {
            this.word = word;
            this.weight = weight;
            this.categories = categories;
        }

        /** A random category this trade lists. */
        DemoCategory category(SplittableRandom random) {
            return categories[random.nextInt(categories.length)];
        }

        static Trade random(SplittableRandom random) {
            int ticket = random.nextInt(100);
            for (Trade trade : values()) {
                ticket -= trade.weight;
                if (ticket < 0) {
                    return trade;
                }
            }
            throw new IllegalStateException("trade weights must add up to 100");
        }
    }

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁于杜程魏苏吕丁任姚乔郝白贾闫武";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华玉建国志海峰鹏斌宇浩凯亮红燕琳晨雪慧";
    private static final String[] MONGOLIAN = {"巴特尔", "其其格", "乌兰图雅", "额尔敦", "苏和", "斯琴高娃", "宝音",
        "那仁", "朝鲁", "阿拉坦仓", "萨仁", "敖登", "图门", "哈斯", "包宝音", "白音仓", "乌日娜", "孟和"};
    private static final String BRAND_CHARACTERS = "鑫泰华盛源达恒通博远瑞宏嘉诚联创新蒙祥佳和信隆腾安丰益德昌汇金天宇正中北方立成";
    private static final String[] EMAIL_DOMAINS = {"163.com", "126.com", "qq.com", "sina.com", "aliyun.com"};

    private DemoNames() {
    }

    /** A person's name: mostly Han, some Mongolian. */
    static String person(SplittableRandom random) {
        if (random.nextInt(100) < 15) {
            return MONGOLIAN[random.nextInt(MONGOLIAN.length)];
        }
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /**
     * A company name not yet in {@code taken}, which it joins: the city, a trade name (字号) of
     * two characters (three when two give no free name), the trade and 有限公司.
     */
    static String company(String city, Trade trade, SplittableRandom random, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            int length = attempt < 20 ? 2 : 3;
            StringBuilder tradeName = new StringBuilder();
            for (int i = 0; i < length; i++) {
                tradeName.append(BRAND_CHARACTERS.charAt(random.nextInt(BRAND_CHARACTERS.length())));
            }
            String name = city + tradeName + trade.word + "有限公司";
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** A landline number in the city's area code, for example 0471-6253810. */
    static String phone(String areaCode, SplittableRandom random) {
        return areaCode + "-" + (2 + random.nextInt(7)) + String.format("%06d", random.nextInt(1_000_000));
    }

    /** A contact e-mail address derived from the credit code's organisation part. */
    static String email(String creditCode, SplittableRandom random) {
        return "zc" + creditCode.substring(8, 14).toLowerCase(Locale.ROOT) + "@"
                + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)];
    }
}
