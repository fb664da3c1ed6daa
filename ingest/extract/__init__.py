"""The extraction engine: Vietnamese news articles about merging bodies
("hợp nhất", "sáp nhập") and unifying posts ("nhất thể hóa chức danh") turned
into facts, each with the quote that states it.

    from mergegraph.ingest.extract import extract_document, read_document, DocumentMeta
    facts = extract_document(read_document("article.html"), DocumentMeta(province_hint="Nghệ An"))
    [f.to_eval() for f in facts]      # the evaluation format
    [f.to_record() for f in facts]    # everything kept, JSON-serialisable
"""

from .documents import DocumentError, DocumentMeta, document_text, read_document
from .engine import extract_document
from .facts import BodyRef, Concurrency, Fact, Holding, Merger, PositionRef, Transfer, UnitRef

__all__ = [
    "BodyRef",
    "Concurrency",
    "DocumentError",
    "DocumentMeta",
    "document_text",
    "Fact",
    "Holding",
    "Merger",
    "PositionRef",
    "Transfer",
    "UnitRef",
    "extract_document",
    "read_document",
]
