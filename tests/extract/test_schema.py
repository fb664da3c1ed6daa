"""The vocabulary files are checked against their schema when loaded."""

from __future__ import annotations

import pytest

from mergegraph.ingest.extract import schema
from mergegraph.ingest.extract.vocab import VOCAB_DIR, load_cues, vocabulary


def test_the_shipped_vocabulary_is_valid():
    assert vocabulary().cues is not None
    for name, model in (("bodies.yaml", schema.BodiesFile), ("roles.yaml", schema.RolesFile),
                        ("people.yaml", schema.PeopleFile), ("cues.yaml", schema.CuesFile)):
        schema.load(VOCAB_DIR / name, model)


def test_a_misspelt_key_is_named_with_its_file(tmp_path):
    bad = tmp_path / "bodies.yaml"
    bad.write_text("body_types:\n  hdnd:\n    branch: state\n    nmes: [HĐND]\n", encoding="utf-8")
    with pytest.raises(schema.VocabularyError, match=r"bodies.yaml: body_types.hdnd.nmes"):
        schema.load(bad, schema.BodiesFile)


def test_a_string_where_a_list_belongs(tmp_path):
    bad = tmp_path / "cues.yaml"
    text = (VOCAB_DIR / "cues.yaml").read_text(encoding="utf-8").replace(
        "terms: [khóa, nhiệm kỳ, khoá]", "terms: 7")
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(schema.VocabularyError, match=r"cues.yaml: terms"):
        schema.load(bad, schema.CuesFile)


def test_an_unknown_branch_and_broken_yaml(tmp_path):
    bad = tmp_path / "b.yaml"
    bad.write_text("body_types:\n  x:\n    branch: army\n", encoding="utf-8")
    with pytest.raises(schema.VocabularyError, match="unknown branch"):
        schema.load(bad, schema.BodiesFile)
    bad.write_text("body_types: [", encoding="utf-8")
    with pytest.raises(schema.VocabularyError, match="not valid YAML"):
        schema.load(bad, schema.BodiesFile)


def test_references_to_body_types_must_exist(tmp_path):
    bodies = schema.BodiesFile.model_validate({"body_types": {"hdnd": {"branch": "state"}}})
    roles = schema.RolesFile.model_validate({"roles": {"head": ["Chủ tịch"]},
                                             "default_body": {"Bí thư": "cap-uy"}})
    with pytest.raises(schema.VocabularyError, match="default_body.Bí thư: 'cap-uy'"):
        schema.check_references(bodies, roles, tmp_path)


def test_status_words_come_from_the_cues():
    cues = load_cues()
    assert cues.status["planned"].search("huyện sẽ hợp nhất")
    assert not cues.status["planned"].search("không phải hợp nhất")
    assert not cues.status["planned"].search("thực hiện đề án")
    assert cues.status["ended"].search("đã thôi kiêm nhiệm")
