package cn.emall.web.console;

import cn.emall.document.DocumentView;
import cn.emall.enforcement.Announcement;
import cn.emall.enforcement.AppealView;
import cn.emall.enforcement.NoticeView;
import cn.emall.enforcement.run.ReportDownloads;
import cn.emall.ledger.SaleLineView;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.text.Catalogue;
import cn.emall.web.Pager;
import cn.emall.web.Paging;

import java.time.LocalDate;
import java.util.List;

/**
 * An appeal as the officer decides it: the appeal, the notice it appeals with its evidence, the
 * supplier's materials, its ledger in the notice's window, and the decision form (with its errors
 * when it was refused).
 */
public record AppealPage(AppealView appeal, NoticeView notice, Announcement announcement, List<Attached> materials,
                         Ledger ledger, FormErrors errors, String decision, String reason) {

    /** A material: its kind, the document it names, and that document when the store has it. */
    public record Attached(String kind, String documentRef, DocumentView document) {

        public boolean pdf() {
            return document != null && "application/pdf".equals(document.contentType());
        }

        public boolean image() {
            return document != null && document.contentType().startsWith("image/");
        }
    }

    /** The supplier's ledger lines in the window, a page of them; lines recorded on or after the notice date are marked. */
    public record Ledger(PageResponse<SaleLineView> lines, PageRequest request, LocalDate noticeDate) {

        public Paging paging() {
            return Paging.of(request, lines.total());
        }

        public boolean recordedSinceNotice(SaleLineView line) {
            return !line.recordedAt().toLocalDate().isBefore(noticeDate);
        }
    }

    public List<ReportDownloads.EvidenceItem> evidence() {
        return ReportDownloads.evidenceItems(notice.evidence(), Catalogue.CHINESE);
    }

    public boolean pending() {
        return "PENDING".equals(appeal.status());
    }

    public Pager ledgerPager() {
        return new Pager(ledger.paging(), page -> "/console/appeals/" + appeal.id() + (page > 0 ? "?ledgerPage=" + page : ""));
    }
}
