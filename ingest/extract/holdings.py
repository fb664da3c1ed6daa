"""Holdings: a named person and every post the text gives them, whichever
order name and titles come in:

    Đồng chí Nguyễn Văn A, Chủ tịch UBMTTQ, Trưởng Ban Dân vận Huyện ủy X
    Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh Nguyễn Văn A
    Ông Nguyễn Văn A - Bí thư đồng thời là Chủ tịch UBND xã
    ông Nguyễn Văn A, Giám đốc Đài X, giữ chức Giám đốc Báo và Đài X   (a new post)

Posts written together with the name (apposition) are held at the same time:
two or more of them are also a concurrency. A post the person is appointed to
("giữ chức", "bầu giữ chức") is a holding, not a concurrency with the old one.
"""

from __future__ import annotations

import re

from .concurrency import complete, position_refs
from .context import DocContext, SentenceView, date_in
from .facts import Concurrency, Holding
from .results import SentenceResult
from .mentions import _UPPER, Chunk
from .positions import AND, COMMA, CONNECTOR, DASH, Position, current_posts, gap_kind, position_level
from .vocab import alternation, load_cues

_CUES = load_cues()
# between a name and its title: punctuation, an aside in brackets ("(SN 1975)"), an
# age ("45 tuổi"), a word saying the post was held before ("nguyên")
_NAME_THEN_TITLE = re.compile(r"^[\s,:\-]*(?:\([^()]{0,30}\)[\s,:\-]*)?(?:\d{1,3}\s+(?:"
                              + alternation(_CUES.spec.age) + r")[\s,:\-]*)?\(?\s*(?:(?:"
                              + alternation(_CUES.spec.former) + r")\s*)?$")
_TITLE_THEN_NAME = re.compile(r"^\s*(?:[,\-]\s*)?(?:(?:" + alternation(_CUES.spec.title_is) + r")\s+)?"
                              r"(?:(?:" + alternation(_CUES.spec.person_titles) + r")\s+)?$")
_APPOINTED = _CUES.appointment_end           # "được bầu giữ chức", "bổ nhiệm ông X làm"
_ACTIVE_BARE = re.compile(r"(?<!" + r")(?<!".join(_CUES.spec.passive) + r" )\b(?:"
                          + alternation(_CUES.spec.active_appointment) + r")\s*$")
_FORMER = _CUES.former                       # "nguyên", "từng", "thay ông X"
_PLURAL = re.compile(r"\b(?:(?:" + alternation(_CUES.spec.plural_titles) + r")\s+(?:" +
                     alternation(_CUES.spec.person_titles) + r")|" + alternation(_CUES.spec.plural_titles)
                     + r"|\d+)\s+$")
_NAME_LIST_GAP = re.compile(r"^\s*(?:,|;|" + _CUES.w("and") + r"|,\s*(?:" + _CUES.w("and") + r"))\s*(?:(?:" + alternation(_CUES.spec.person_titles) + r")\s+)?$")
_EACH = re.compile(r"\b(?:" + alternation(_CUES.spec.plural_titles) + r")\s+(?:" +
                   alternation(_CUES.spec.person_titles) + r")(?:\s*:)?\s+$")   # "các đồng chí: A, B"
_LINKS = (COMMA, DASH, AND, CONNECTOR)
# titles the vocabulary does not know stand between a name and its posts
# without breaking them apart ("Ủy viên dự khuyết Trung ương Đảng")
_SKIPPABLE = re.compile(r"\b(?:" + _CUES.w("alternate_member") + r")\b[^,;:()\-]{0,60}")
_STOPPED = _CUES.stopped                  # "thôi kiêm nhiệm", "nguyên ...": not held
_REPLACED = re.compile(r"\s*,?\s*(?:" + alternation(_CUES.spec.replaced) + r")\s+(?:(?:"
                       + alternation(_CUES.spec.person_titles) + r")\s+)?")
_WORD_AFTER_TITLE = re.compile(r"([^\W\d_]+)")


def _link(match: str, a: int, b: int) -> bool:
    """Two posts written together for one person."""
    if gap_kind(match, a, b) in _LINKS:
        return True
    cleaned = _SKIPPABLE.sub("", match[a:b])
    return cleaned != match[a:b] and bool(re.fullmatch(r"\s*(?:[,\-]\s*)+", cleaned))


def extract_holdings(ctx: DocContext, view: SentenceView, positions: list[Position]) -> SentenceResult:
    """Holdings, and the concurrencies of titles in apposition; the result
    says which position each person holds (by index in `positions`)."""
    out = SentenceResult()
    match = ctx.match
    chunks = ctx.chunks
    if not positions:
        return out
    names = [(i, c) for i, c in enumerate(chunks[view.c0:view.c1], view.c0) if c.kind == "name"]
    names = sorted(names + _named_again(ctx, view, names), key=lambda x: x[1].start)
    if not names:
        return out
    taken: set[int] = set()
    index = {id(p): k for k, p in enumerate(positions)}

    # titles before the name: "Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh Nguyễn Văn A"
    before: dict[int, list[Position]] = {}
    for idx, name in names:
        prior = [k for k, p in enumerate(positions) if p.end <= name.start]
        if not prior:
            continue
        k = prior[-1]
        if not _TITLE_THEN_NAME.match(match[positions[k].end:name.start]):
            continue
        group = [k]
        while k > 0 and _link(match, positions[k - 1].end, positions[k].start) and k - 1 not in taken:
            k -= 1
            group.insert(0, k)
        before[idx] = current_posts(match, [positions[g] for g in group])   # not "nguyên Bí thư A"
        taken.update(group)
    # a plural title before a list of names: "Các Phó Chủ tịch HĐND tỉnh A và B", "5 Phó Chủ tịch gồm: A, B"
    plural = {id(p) for p in positions
              if _PLURAL.search(match, max(view.sentence.start, p.start - 12), p.start)}
    for n, (idx, name) in enumerate(names if plural else ()):
        group = before.get(idx)
        if group is None:
            prior = [k for k, p in enumerate(positions) if p.end <= name.start]
            if not prior or prior[-1] in taken:
                continue
            k = prior[-1]
            if not (id(positions[k]) in plural and _CUES.name_list_intro.match(match[positions[k].end:name.start])):
                continue
            group = before[idx] = [positions[k]]
            taken.add(k)
        if id(group[0]) not in plural:
            continue
        last = name
        for idx2, other in names[n + 1:]:
            if idx2 in before or not _NAME_LIST_GAP.match(match[last.end:other.start]):
                break
            before[idx2] = group
            last = other

    # titles after the name: "Nguyễn Văn A, Trưởng ban ..., Giám đốc ..."
    after: dict[int, list[Position]] = {}
    for idx, name in names:
        nxt = [k for k, p in enumerate(positions) if p.start >= name.end and k not in taken]
        if not nxt:
            continue
        k = nxt[0]
        if not _NAME_THEN_TITLE.match(_SKIPPABLE.sub("", match[name.end:positions[k].start])) and not (
                idx in before and gap_kind(match, name.end, positions[k].start) == CONNECTOR):
            continue                  # "Bí thư Huyện ủy X Nguyễn Văn A đồng thời là Chủ tịch HĐND huyện"
        group = [k]
        while k + 1 < len(positions) and k + 1 not in taken \
                and _link(match, positions[k].end, positions[k + 1].start) \
                and not _STOPPED.search(match[positions[k].end:positions[k + 1].start]):
            k += 1
            group.append(k)
        # "A, nguyên Bí thư Huyện ủy, nay là Trưởng Ban ...": the former post is not held
        after[idx] = current_posts(match, [positions[g] for g in group])
        taken.update(group)

    # appointments: "NAME ... giữ chức POST"
    appointed: dict[int, list[Position]] = {}
    for k, p in enumerate(positions):
        if k in taken:
            continue
        lead = match[max(view.sentence.start, p.start - 40):p.start]
        if not _APPOINTED.search(lead) or _FORMER.search(lead):
            continue
        if _ACTIVE_BARE.search(lead):
            continue                           # "hội nghị đã bầu Chủ tịch HĐND": the post is the object
        subject = [(idx, c) for idx, c in names if c.end <= p.start]
        if not subject:
            continue
        idx, name = subject[-1]
        # the words after the name and after any earlier title ("X - nguyên A, được bổ nhiệm B")
        since = max([name.end] + [q.end for q in positions[:k] if name.end <= q.end <= p.start])
        between = _between_names(match, names, since, p.start)
        if _FORMER.search(between[between.rfind(",") + 1:]):
            continue                           # "thay ông X giữ chức ...": X left it
        group = [k]
        while k + 1 < len(positions) and gap_kind(match, positions[k].end, positions[k + 1].start) in _LINKS:
            k += 1
            group.append(k)
        # "chỉ định các ông A, ...; B (...), ... giữ chức X": each of them
        each = [subject[-1]]
        for j in range(len(subject) - 2, -1, -1):
            cand = subject[j]
            if not _listed_together(match, positions, subject[j][1], subject[j + 1][1]):
                break                          # not one list of people: only the last one
            if _EACH.search(match[max(view.sentence.start, cand[1].start - 20):cand[1].start]):
                each = subject[j:]
                break
        for idx, _name in each:
            appointed.setdefault(idx, []).extend(positions[g] for g in group)
        taken.update(group)
        # "... thay (cho) ông Y": Y held the post
        replaced = _REPLACED.match(match, positions[group[-1]].end)
        if replaced:
            for idx2, other in names:
                if other.start == replaced.end():
                    appointed.setdefault(idx2, []).extend(positions[g] for g in group)

    holdings: list[Holding] = []
    concurrencies: list[Concurrency] = []
    for idx, name in names:
        together = before.get(idx, []) + after.get(idx, [])
        posts = complete(together + appointed.get(idx, []))
        posts = [p for p in posts if p.level != "all"]
        if not posts:
            continue
        person = name.person
        for p in together:
            out.person_of[index[id(p)]] = person
        spans = [name.start, name.end] + [x for p in posts for x in (p.start, p.end)]
        start, end = min(spans), max(spans)
        main = [p for p in posts if not p.member] or posts
        level = ctx.level(position_level(main))
        unit = ctx.unit_for_posts(level, main, view.places, name.start)
        holdings.append(Holding(ctx.doc, ctx.text[start:end], start, end, ctx.unit(unit),
                                person=person, positions=position_refs(ctx, posts)))
        joint = [p for p in complete(together) if not p.member and p.level != "all"]
        new = [p for p in complete(appointed.get(idx, [])) if not p.member and p.level != "all"]
        groups = [joint]
        if new and joint:
            # a Party post and a state or Front post the person is elected or
            # appointed to are held together (a post in the same body is left)
            bodies = {p.body for p in new}
            kept = [p for p in joint if p.body not in bodies]
            if any(_is_party(ctx, p) for p in new):
                kept = [p for p in kept if not _is_party(ctx, p)]
            else:
                kept = [p for p in kept if _is_party(ctx, p)]
            groups.append(kept + new)
        elif len(new) >= 2 and not any(gap_kind(match, a.end, b.start) == CONNECTOR for a, b in zip(new, new[1:])):
            # "giữ chức Bí thư Đảng ủy, Chủ tịch HĐND phường": the posts given are held together
            # (joined by a connector they are the concurrency extractor's)
            groups.append(new)
        for group in groups:
            fact = _joint_fact(ctx, view, name, person, group)
            if fact is not None:
                concurrencies.append(fact)
                out.patterns.append((fact.start, tuple(sorted({p.key for p in group}))))
    out.facts = holdings + concurrencies
    return out


def _joint_fact(ctx: DocContext, view: SentenceView, name, person: str, joint: list[Position]):
    """The concurrency of posts one person holds together, if at one level."""
    if len({p.key for p in joint}) < 2:
        return None
    levels = {ctx.level(p.level) for p in joint if p.level}
    if len(levels) > 1:
        return None                       # posts at different levels: no single pattern
    lv = levels.pop() if levels else None
    unit = ctx.unit_for_posts(lv, joint, view.places, name.start)
    if unit is None:
        return None
    lv = lv or ctx.gaz.units[unit].level
    start = min([name.start] + [p.start for p in joint])
    end = max([name.end] + [p.end for p in joint])
    clause = ctx.clause_of(view, start)
    s = view.sentence
    return Concurrency(ctx.doc, ctx.text[start:end], start, end, ctx.unit(unit), level=lv,
                       positions=position_refs(ctx, joint), status=ctx.status_for(view, clause, start),
                       date=date_in(ctx.match[s.start:s.end]), person=person)


_LIST_OF_PEOPLE = re.compile(r"^[\s,;()\-]*(?:(?:" + _CUES.w("and") + r")\s+)?(?:(?:"
                             + alternation(_CUES.spec.person_titles) + r")\s+)?$")


def _listed_together(match: str, positions: list[Position], a, b) -> bool:
    """Two names written one after another in a list, with only their own
    titles between them ("A, Chủ tịch HĐND tỉnh; B (Chủ tịch UBND tỉnh)")."""
    gap, at = [], a.end
    for p in positions:
        if a.end <= p.start and p.end <= b.start:
            gap.append(match[at:p.start])
            at = p.end
    gap.append(match[at:b.start])
    return all(_LIST_OF_PEOPLE.match(g) for g in gap)


def _is_party(ctx: DocContext, p: Position) -> bool:
    info = ctx.vocab.body_types.get(p.body or "")
    return info is not None and info.branch == "party" and not p.member


def _between_names(match: str, names, start: int, end: int) -> str:
    """The text between a name and a post, without the other names in it."""
    parts, at = [], start
    for _idx, c in names:
        if start <= c.start < end:
            parts.append(match[at:c.start])
            at = c.end
    parts.append(match[at:end])
    return " ".join(parts)


def _full_names(ctx: DocContext, last: str, before: int) -> set[str]:
    """The full names ending in `last` the document gives before `before`."""
    found = set()
    for m in re.finditer(r"((?:[" + _UPPER + r"][^\W\d_]* ){1,4})" + re.escape(last) + r"\b", ctx.text[:before]):
        words = m.group(1).split()
        while words and words[0].lower() not in ctx.vocab.surname_keys:
            words.pop(0)
        if words and all(w[1:] == w[1:].lower() for w in words):
            found.add(" ".join(words + [last]))
    return found


def _named_again(ctx: DocContext, view: SentenceView, names) -> list:
    """A person named again by the last syllable after a title ("ông Phong",
    "đồng chí Vụ"): the full name the document gave before, when only one fits."""
    text, match = ctx.text, ctx.match
    s = view.sentence
    titles = list(_CUES.person_title_at.finditer(match, s.start, s.end))
    if not titles:
        return []
    starts = {c.start for _i, c in names}
    out = []
    for t in titles:
        a = t.end()
        if a >= s.end or not text[a].isupper() or a in starts:
            continue
        m = _WORD_AFTER_TITLE.match(text, a, s.end)
        if m is None or m.group().isupper():
            continue
        low = match[a:m.end()]
        if low in ctx.vocab.surname_keys or low in ctx.vocab.lexicon.root:
            continue                       # a full name, or a title ("đồng chí Bí thư")
        nxt = text[m.end():m.end() + 2]
        if nxt[:1] == " " and nxt[1:2].isupper():
            continue                       # a full name the vocabulary does not know
        persons = _full_names(ctx, m.group(), s.end)
        if len(persons) == 1:
            out.append((-1 - a, Chunk("name", -1, -1, a, m.end(), person=next(iter(persons)))))
    return out
