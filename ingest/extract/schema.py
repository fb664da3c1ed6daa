"""The shape of the vocabulary files (ingest/vocab/*.yaml), checked when they
are loaded: a misspelt key, a string where a list belongs or a body type that
does not exist stops the load with the file and the place of the mistake."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Phrases = list[str]


class VocabularyError(ValueError):
    """A vocabulary file that does not have the expected shape."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BodySpec(_Strict):
    branch: str
    names: Phrases = []
    province: Phrases = []
    city: Phrases = []
    district: Phrases = []
    commune: Phrases = []
    village: Phrases = []
    central: Phrases = []
    cased: Phrases = []
    parts: list[str] = []
    merge: bool = True

    @field_validator("branch")
    @classmethod
    def _branch(cls, v: str) -> str:
        if v not in ("party", "state", "front", "village", "service"):
            raise ValueError(f"unknown branch {v!r}")
        return v


class BodiesFile(_Strict):
    body_types: dict[str, BodySpec]
    composites: dict[str, dict[str, str]] = {}
    list_heads: Phrases = []
    not_bodies: Phrases = []


class RolesFile(_Strict):
    roles: dict[str, Phrases]
    default_body: dict[str, str] = {}
    fused: dict[str, list[str]] = {}
    not_roles: Phrases = []

    @field_validator("fused")
    @classmethod
    def _fused(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, spec in v.items():
            if not 1 <= len(spec) <= 2 or "@" not in spec[0]:
                raise ValueError(f"{name!r}: expected [ROLE@BODYTYPE] or [ROLE@BODYTYPE, level]")
            if len(spec) == 2 and spec[1] not in ("central", "province", "city", "district", "commune", "village"):
                raise ValueError(f"{name!r}: unknown level {spec[1]!r}")
        return v


class PeopleFile(_Strict):
    surnames: Phrases
    honorifics: Phrases = []


class CuesFile(_Strict):
    triggers: Phrases
    trigger_prefixes: Phrases = []
    appointment: Phrases
    former: Phrases
    now: Phrases = []
    active_appointment: Phrases = []
    passive: Phrases = []
    stopped: Phrases
    person_titles: Phrases
    age: Phrases = []
    title_is: Phrases = []
    plural_titles: Phrases
    name_list_intro: Phrases
    terms: Phrases
    role_fillers: Phrases = []
    connector_lead: Phrases
    connector_negation: Phrases = []
    connectors: Phrases
    unified_before: Phrases = []
    unified_after: Phrases = []
    alternatives: Phrases
    replaced: Phrases
    merge_verbs: Phrases
    negation: Phrases = []
    found_verbs: Phrases
    under: Phrases
    words: dict[str, Phrases] = {}
    roles_alone: Phrases = []
    host_prefixes: Phrases = []
    place_list_intro: Phrases
    dissolve: Phrases
    move_functions: Phrases
    level_nouns: dict[str, Phrases]
    coverage_nouns: dict[str, Phrases] = {}
    generic_levels: dict[str, Phrases]
    status: dict[str, Phrases]
    status_unless: dict[str, Phrases] = {}
    body_part: Phrases = []


def load(path: Path, model: type[_Strict]) -> _Strict:
    """A vocabulary file read and checked against `model`."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except yaml.YAMLError as err:
        raise VocabularyError(f"{path}: not valid YAML: {err}") from None
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or '(top)'}: {e['msg']}" for e in err.errors())
        raise VocabularyError(f"{path}: {problems}") from None


def check_references(bodies: BodiesFile, roles: RolesFile, path: Path) -> None:
    """Body types named by other entries must exist."""
    known = set(bodies.body_types)
    bad = []
    for key, spec in bodies.body_types.items():
        bad += [f"body_types.{key}.parts: {p!r}" for p in spec.parts if p not in known]
    for head, parts in bodies.composites.items():
        bad += [f"composites.{head}.{k}: {v!r}" for k, v in parts.items() if v not in known]
    bad += [f"default_body.{k}: {v!r}" for k, v in roles.default_body.items() if v not in known]
    for name, (position, *_rest) in roles.fused.items():
        body = position.split("@", 1)[1]
        if body not in known:
            bad.append(f"fused.{name}: {body!r}")
        if position.split("@", 1)[0] not in roles.roles:
            bad.append(f"fused.{name}: role {position.split('@', 1)[0]!r}")
    if bad:
        raise VocabularyError(f"{path}: unknown body type or role: " + "; ".join(bad))
