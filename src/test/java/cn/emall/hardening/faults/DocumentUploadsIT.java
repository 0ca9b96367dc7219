package cn.emall.hardening.faults;

import cn.emall.hardening.HardeningResults;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads are streamed, never held in memory: the packaged service, its heap limited to 128 MiB,
 * takes 20 uploads of 20 MiB at once (400 MiB, three times its heap) and serves them back byte for
 * byte, and stays up.
 */
class DocumentUploadsIT {

    private static final Logger LOG = Logger.getLogger(DocumentUploadsIT.class);
    private static final int UPLOADS = 20;
    private static final int SIZE = 20 * 1024 * 1024;
    private static final String HEAP = "128m";

    private static SharedPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = SharedPostgres.start(Path.of("target", "hardening", "pg-documents"));
        postgres.createDatabase("documents", null);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twentyUploadsOfTwentyMebibytesAtOnceThroughA128MebibyteHeap() throws Exception {
        long started = System.nanoTime();
        List<String> digests = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (PackagedService service = PackagedService.start("documents", postgres.jdbcUrl("documents"), Map.of(), HEAP)) {
            String officer = service.officerToken();
            HttpClient http = HttpClient.newHttpClient();
            ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
            List<Future<String[]>> uploads = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                int seed = i;
                uploads.add(pool.submit(() -> upload(http, service.url(), officer, seed)));
            }
            for (Future<String[]> upload : uploads) {
                String[] answer = upload.get();
                ids.add(answer[0]);
                digests.add(answer[1]);
            }
            pool.shutdown();
            long uploadedIn = (System.nanoTime() - started) / 1_000_000;
            assertTrue(service.isAlive(), "the service is still up after the uploads");
            for (int i = 0; i < UPLOADS; i += 7) {
                HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(service.url()
                                + "/api/v1/documents/" + ids.get(i))).header("Authorization", "Bearer " + officer).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, download.statusCode());
                assertEquals(digests.get(i), sha256(download.body()), "document " + i + " served byte for byte");
            }
            try (Connection c = postgres.connect("documents"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), sum(size) from document")) {
                rs.next();
                assertEquals(UPLOADS, rs.getInt(1));
                assertEquals((long) UPLOADS * SIZE, rs.getLong(2));
            }
            HardeningResults.put(Map.of("documentUploadsConcurrent", UPLOADS, "documentUploadBytes", (long) UPLOADS * SIZE,
                    "documentUploadHeap", HEAP, "documentUploadMillis", uploadedIn));
            LOG.infof("%d concurrent uploads of %d MiB through a %s heap in %d ms", UPLOADS, SIZE >> 20, HEAP, uploadedIn);
        }
    }

    /** One upload of a PDF-headed file of pseudo-random bytes; answers its id and the SHA-256 of what was sent. */
    private static String[] upload(HttpClient http, String base, String token, int seed) throws Exception {
        String boundary = "emall-" + seed;
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan-" + seed
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        InputStream file = new DigestInputStream(new PseudoRandomPdf(seed, SIZE), digest);
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
                file, new java.io.ByteArrayInputStream(tail))));
        long length = head.length + (long) SIZE + tail.length;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        String id = response.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        return new String[] {id, HexFormat.of().formatHex(digest.digest())};
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code %PDF-} and then pseudo-random bytes, {@code size} in all, made as they are read. */
    private static final class PseudoRandomPdf extends InputStream {
        private static final byte[] SIGNATURE = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        private final SplittableRandom random;
        private final long size;
        private long position;

        PseudoRandomPdf(int seed, long size) {
            this.random = new SplittableRandom(seed);
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            int b = position < SIGNATURE.length ? SIGNATURE[(int) position] : random.nextInt(256);
            position++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
