"""graph/model.py is the one written model; what is generated from it stays current."""

from __future__ import annotations

from pathlib import Path

from mergegraph.graph import model

UI_MODEL = Path(__file__).resolve().parent.parent / "ui" / "src" / "model.ts"


def test_the_ui_types_are_generated_from_the_model():
    assert UI_MODEL.read_text(encoding="utf-8") == model.typescript(), (
        "ui/src/model.ts is out of date: python -m mergegraph.graph.model --ts > ui/src/model.ts,"
        " then rebuild the UI (cd ui && npm run build)")


def test_every_fact_relationship_has_an_id_rule_and_known_labels():
    for rel_type, (start, end, fact) in model.FACT_RELATIONSHIPS.items():
        assert start in model.NODE_KEYS and end in model.NODE_KEYS
        assert fact in model.FACT_TYPES
        assert model.fact_id(rel_type, "a", "b", "x")


def test_identity_rules():
    assert model.unit_uid("legacy", "200") == "legacy:200"
    assert model.body_id("legacy:200", "ban-to-chuc") == "body:legacy:200:ban-to-chuc"
    # several of a kind in one unit: the name is part of the identity
    assert model.body_id("legacy:200", "truong-hoc", "Trường Tiểu học Quảng Lợi") != \
        model.body_id("legacy:200", "truong-hoc", "Trường THCS Quảng Lâm")
    assert model.pattern_id("commune", ["head@ubnd", "head@cap-uy", "head@ubnd"]) == \
        "pattern:commune:head@cap-uy+head@ubnd"
    assert model.person_id("22", "Nguyễn Văn An") == model.person_id("22", "nguyen van an")


def test_fact_ids_are_as_stored():
    assert model.fact_id("MERGED_INTO", "body:a", "body:b") == "merger:body:a->body:b"
    assert model.fact_id("TRANSFERRED_FUNCTION_TO", "a", "b", "Quản lý Nhà nước") == \
        "transfer:a->b:quan ly nha nuoc"
    assert model.fact_id("REDUCED", "legacy:440", "k", "focal-unit@any:13") == \
        "reduction:legacy:440:focal-unit@any:13"
    assert set(model.FACT_ID_FORMATS) == set(model.FACT_RELATIONSHIPS)
