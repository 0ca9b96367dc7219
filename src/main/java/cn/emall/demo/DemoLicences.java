package cn.emall.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A demo supplier's business licence (营业执照) as a small one-page PDF, made from its profile alone:
 * the same supplier always gets the same bytes and the same document id. The Chinese text uses the
 * standard Adobe-GB1 font STSong-Light, which PDF readers supply themselves, so nothing is embedded.
 */
final class DemoLicences {

    /** One licence: its document id, file name, bytes and SHA-256. */
    record Licence(UUID id, String filename, byte[] bytes, String sha256) {
    }

    private DemoLicences() {
    }

    static Licence of(String name, String creditCode, String legalRepresentative, String region, int admittedOnEpochDay) {
        LocalDate admitted = LocalDate.ofEpochDay(admittedOnEpochDay);
        List<String> lines = List.of(
                "统一社会信用代码：" + creditCode,
                "名　　称：" + name,
                "类　　型：有限责任公司",
                "法定代表人：" + legalRepresentative,
                "住　　所：" + region,
                "入驻日期：" + admitted,
                "（演示数据，非真实证照）");
        byte[] bytes = pdf("营业执照", lines);
        UUID id = UUID.nameUUIDFromBytes(("emall-demo-licence:" + creditCode).getBytes(StandardCharsets.UTF_8));
        return new Licence(id, "营业执照-" + creditCode + ".pdf", bytes, sha256(bytes));
    }

    private static byte[] pdf(String title, List<String> lines) {
        StringBuilder content = new StringBuilder();
        content.append("0.55 0.1 0.1 RG 3 w 40 380 515 420 re S 1 w 48 388 499 404 re S\n");
        content.append("BT /F1 34 Tf 229 730 Td <").append(ucs2(title)).append("> Tj ET\n");
        int y = 660;
        for (String line : lines) {
            content.append("BT /F1 13 Tf 70 ").append(y).append(" Td <").append(ucs2(line)).append("> Tj ET\n");
            y -= 36;
        }
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                + "/Contents 7 0 R >>");
        objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>");
        objects.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
                + "/Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 /W [1 95 600] >>");
        objects.add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
                + "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "endstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The text as UCS-2 big-endian hex, as the UniGB-UCS2-H encoding reads it. */
    private static String ucs2(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
