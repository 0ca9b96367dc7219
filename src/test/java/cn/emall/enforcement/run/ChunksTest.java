package cn.emall.enforcement.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunksTest {

    @Test
    void aSupplierIsNotSplitAcrossChunksWhereItFits() {
        assertEquals(List.of(List.of(1L, 1L), List.of(2L, 2L, 3L), List.of(4L, 4L, 4L)),
                suppliers(CleanupRunner.chunks(candidates(1, 1, 2, 2, 3, 4, 4, 4), 3)));
    }

    @Test
    void aSupplierWithMoreThanAChunkHoldsIsCutAtTheChunkSize() {
        assertEquals(List.of(List.of(1L), List.of(2L, 2L, 2L), List.of(2L, 2L, 3L)),
                suppliers(CleanupRunner.chunks(candidates(1, 2, 2, 2, 2, 2, 3), 3)));
    }

    @Test
    void everyCandidateIsInExactlyOneChunkOfAtMostTheSizeInOrder() {
        List<Candidate> all = candidates(5, 5, 6, 7, 7, 7, 7, 8, 9, 9);
        for (int size = 1; size <= 11; size++) {
            List<Candidate> joined = new ArrayList<>();
            for (List<Candidate> chunk : CleanupRunner.chunks(all, size)) {
                assertTrue(!chunk.isEmpty() && chunk.size() <= size, "chunk size " + size + ": " + chunk.size());
                joined.addAll(chunk);
            }
            assertEquals(all, joined, "chunk size " + size);
        }
        assertEquals(List.of(), CleanupRunner.chunks(List.of(), 3));
    }

    private static List<Candidate> candidates(long... suppliers) {
        List<Candidate> result = new ArrayList<>();
        for (int i = 0; i < suppliers.length; i++) {
            result.add(new Candidate(suppliers[i], (long) i, null, Map.of(), null));
        }
        return result;
    }

    private static List<List<Long>> suppliers(List<List<Candidate>> chunks) {
        return chunks.stream().map(chunk -> chunk.stream().map(Candidate::supplierId).toList()).toList();
    }
}
