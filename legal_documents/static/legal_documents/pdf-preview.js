/* PDF previews on a legal document's page (legal_documents/includes/attachments.html):
   a browser that says it cannot show PDFs inline (phones) keeps only the link. */
(function () {
    "use strict";
    if (navigator.pdfViewerEnabled !== false) {
        return;
    }
    document.querySelectorAll("[data-pdf-preview] iframe").forEach(function (frame) {
        frame.remove();
    });
})();
