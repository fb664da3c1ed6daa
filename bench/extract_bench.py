"""Figure 5: extraction speed, documents/s in one process.

Synthetic documents of about 10 KB are built from the genre's constructions
(mergers "hợp nhất ... với ... thành ...", "sáp nhập ... vào ...", transfers of
functions, unified posts "X đồng thời là Y", "X kiêm Y" with coverage "5/12
xã", named people with their titles, plans and pilots, staff reductions) and
its page furniture, with sentences written for this benchmark (no corpus text)
and real district and province names; the real corpus (/work/shared/corpus,
and the bundled seeds) is timed too. `ingest.extract.extract_document` is timed
per document, after one warm-up document (vocabularies are loaded once per
process); reading files is not timed.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from common import ROOT
from mergegraph.ingest import adminunits

CORPUS = Path("/work/shared/corpus")

MERGERS = [
    "Ban Thường vụ Huyện ủy {d} quyết định hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện "
    "thành Cơ quan Tổ chức - Nội vụ huyện {d}, đi vào hoạt động từ ngày {date}.",
    "Huyện {d} đã hợp nhất Ủy ban Kiểm tra Huyện ủy với Thanh tra huyện; Văn phòng Huyện ủy và "
    "Văn phòng HĐND - UBND huyện.",
    "Từ ngày {date}, sáp nhập Trung tâm Bồi dưỡng chính trị huyện {d} vào Ban Tuyên giáo Huyện ủy.",
    "Dự kiến trong năm {y}, huyện {d} sẽ hợp nhất Ban Dân vận Huyện ủy với Ủy ban MTTQ Việt Nam huyện.",
    "Thí điểm hợp nhất Phòng Văn hóa và Thông tin với Trung tâm Văn hóa - Thể thao huyện {d}.",
    "Huyện {d} chuyển chức năng quản lý nhà nước về công tác dân tộc của Phòng Dân tộc về "
    "Văn phòng HĐND và UBND huyện.",
    "Thị xã {d} đã sáp nhập Đài Truyền thanh - Truyền hình vào Trung tâm Văn hóa - Thể thao thị xã.",
]
CONCURRENCY = [
    "Đến nay, {d} đã thực hiện mô hình Bí thư Đảng ủy đồng thời là Chủ tịch UBND xã ở {a}/{b} "
    "xã, thị trấn.",
    "Trưởng ban Dân vận Huyện ủy đồng thời là Chủ tịch Ủy ban MTTQ Việt Nam huyện {d}.",
    "Chủ nhiệm Ủy ban Kiểm tra Huyện ủy kiêm Chánh Thanh tra huyện {d} từ năm {y}.",
    "{a}/{b} thôn, bản thực hiện Bí thư Chi bộ kiêm Trưởng thôn.",
    "Toàn huyện {d} có {a}/{b} xã thực hiện nhất thể hóa chức danh Bí thư Đảng ủy đồng thời "
    "là Chủ tịch HĐND xã.",
    "Huyện {d} khẩn trương thực hiện mô hình Trưởng ban Tuyên giáo Huyện ủy đồng thời là Giám đốc "
    "Trung tâm Chính trị huyện.",
]
PEOPLE = [
    "Đồng chí {p}, Trưởng ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ huyện {d} cho biết kết quả "
    "bước đầu là tích cực.",
    "Theo đồng chí {p}, Bí thư Huyện ủy - Chủ tịch HĐND huyện {d}, việc sắp xếp bộ máy giúp "
    "giảm đầu mối, tiết kiệm chi thường xuyên.",
    "Phó Bí thư Thường trực Huyện ủy {d} {p} nhấn mạnh yêu cầu tiếp tục rà soát chức năng, "
    "nhiệm vụ của các cơ quan.",
]
FILLER = [
    "Thực hiện Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương khóa XII, các cấp ủy trong "
    "tỉnh {prov} đã tập trung lãnh đạo việc sắp xếp tổ chức bộ máy tinh gọn.",
    "Qua sắp xếp, huyện {d} giảm {a} biên chế và {b} đơn vị đầu mối, bộ máy hoạt động hiệu lực, "
    "hiệu quả hơn.",
    "Cán bộ, đảng viên và nhân dân đồng tình, ủng hộ chủ trương sắp xếp, kiện toàn bộ máy.",
    "Tuy nhiên, quá trình thực hiện vẫn còn một số khó khăn về cơ sở vật chất và bố trí cán bộ "
    "dôi dư sau sắp xếp.",
    "Thời gian tới, huyện {d} tiếp tục rà soát, đánh giá mô hình để có giải pháp phù hợp.",
    "Tin liên quan\nHotline: 0912 345 678 - Email: toasoan@bao.example\nBình luận của bạn",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Vì", "Hà"]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Quang", "Thanh"]
GIVEN = ["Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Long", "Nam", "Sơn", "Tiến", "Trang"]


def synthetic_documents(n: int, seed: int = 7, size: int = 10_000) -> list[tuple[str, dict]]:
    """(text, meta fields) of n documents of about `size` bytes of UTF-8."""
    rng = random.Random(seed)
    units = adminunits.legacy_units()
    by_code = {u.code: u for u in units}
    districts = [u for u in units if u.level == "district"]
    docs = []
    for i in range(n):
        d = rng.choice(districts)
        prov = by_code[d.parent_code]
        parts, total = [f"{d.name}: đẩy mạnh sắp xếp tổ chức bộ máy", ""], 0
        while total < size:
            pool = rng.choice([MERGERS, CONCURRENCY, PEOPLE, FILLER, FILLER])
            b = rng.randint(5, 30)
            sentence = rng.choice(pool).format(
                d=d.short_name, prov=prov.short_name, y=rng.randint(2018, 2024),
                date=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2018, 2024)}",
                a=rng.randint(1, b), b=b,
                p=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
            parts.append(sentence)
            total += len(sentence.encode("utf-8")) + 1
        meta = {"doc": f"bench-{seed}-{i}", "publisher": f"Báo {prov.short_name}",
                "date": f"{rng.randint(2018, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "province_hint": prov.short_name}
        docs.append(("\n".join(parts), meta))
    return docs


def corpus_documents() -> list[tuple[str, dict]]:
    from mergegraph.ingest.extract import read_document

    paths = sorted(CORPUS.rglob("*.txt")) + sorted((ROOT / "ingest" / "corpus").rglob("*.txt"))
    return [(read_document(p), {"doc": p.stem}) for p in paths]


def time_extraction(docs: list[tuple[str, dict]], rounds: int = 1) -> dict:
    from mergegraph.ingest.extract import DocumentMeta, extract_document

    extract_document(docs[0][0], DocumentMeta(**docs[0][1]))  # warm-up: vocabularies
    facts = 0
    nbytes = sum(len(t.encode("utf-8")) for t, _ in docs) * rounds
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text, meta in docs:
            facts += len(extract_document(text, DocumentMeta(**meta)))
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    n = len(docs) * rounds
    # docs per CPU second: what the process did with the CPU it got (the machine is shared)
    return {"documents": n, "seconds": round(seconds, 3), "docs_per_s": round(n / seconds, 1),
            "cpu_seconds": round(cpu, 3), "docs_per_cpu_s": round(n / cpu, 1),
            "kb_per_s": round(nbytes / 1024 / seconds, 1),
            "mean_doc_kb": round(nbytes / n / 1024, 1), "facts": facts}


def run(n_synthetic: int, corpus_rounds: int = 3) -> dict:
    out = {"synthetic": time_extraction(synthetic_documents(n_synthetic))}
    corpus = corpus_documents()
    if corpus:
        out["corpus"] = time_extraction(corpus, rounds=corpus_rounds)
    return out


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 50), indent=1))
