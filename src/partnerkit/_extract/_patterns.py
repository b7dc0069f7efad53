"""Organisation names found by their shape, in English, Romance languages, German, Russian and Chinese.

A name is a run of capitalised words and connectors that holds a head noun ("University",
"Institute", "Universidad", "Hochschule", "университет", "大学"...), split where two names
meet ("X University and the University of Y"), plus quoted names, acronyms and names that
share one plural head ("Les universités Mohammed V de Rabat et Cheikh Anta Diop de Dakar").
"""

from __future__ import annotations

import functools
import re

import attrs

from partnerkit._names import fold

__all__ = ["Span", "find_acronyms", "find_names", "is_acronym_token", "name_key"]

# Heads after which a name continues with "of ..." only (English word order).
_HEADS_EN = frozenset(
    """university universities institute institutes college academy association union network agency
    ministry council centre center foundation society commission consortium alliance federation
    polytechnic corporation company summit forum government service organization organisation
    conservatory school fund bank administration""".split()  # noqa: SIM905
)
# Heads after which proper words may follow (Romance and German order).
_HEADS_HEAD_FIRST = frozenset(
    """universidad universidade université universite università universität universitaet hochschule
    fachhochschule instituto institut istituto escuela école ecole scuola academia académie akademie
    agence agencia stiftung fundación fondation ayuntamiento ministerio ministère ministerium bundesland
    bundesstaat centro consejo conseil zentrum colegio collège asociación associação politécnico
    politecnico red réseau netzwerk""".split()  # noqa: SIM905
)
_PLURAL_HEADS = frozenset(["universités", "universidades", "universities", "università", "universitäten"])
_UNIT_HEADS = frozenset(
    """department faculty laboratory lab division office chair school departamento facultad faculté
    fakultät département laboratorio laboratoire lehrstuhl hospital""".split()  # noqa: SIM905
)
# Every head as a substring of lower-cased text (a superset of what _head_of accepts).
_HEAD_STEMS = re.compile(
    "|".join(
        re.escape(w)
        for w in sorted(
            _HEADS_EN | _HEADS_HEAD_FIRST | _UNIT_HEADS | {"universität", "hochschule", "akademie", "institut"},
            key=lambda w: (-len(w), w),
        )
    )
)
_CONNECTORS = frozenset(
    """of for and the de del la las los el des du d' d’ di da do dos der für und y et e &""".split()  # noqa: SIM905
)
_DETERMINERS = frozenset(
    """the a an la las los el le les l' l’ die der das den dem des un une""".split()  # noqa: SIM905
)
_SPLITTERS = frozenset(["and", "y", "et", "und", "e", "&"])
_KEEP_AFTER = frozenset(
    """of for de del des du d' d’ di da do für""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[\u3400-\u9fff]+|(?:[lLdD]['’])|[^\W_]+(?:[-'’.][^\W_]+)*(?:(?<=s)['’](?!\w))?\.?|[«»\"“”„(),;:]")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X{1,3}|XI{1,3}|XIV|XV|XVI{0,3})$")
_ACRONYM_STOP = frozenset(
    """CIS EU UN UK US USA USSR UAE PRC ISO CEO PHD IT AI GDP SAT PISA TOEFL IELTS ID OK PDF HTML COVID
    CPEC EECA MOU MOUS CDU SPD IANS TASS BBC CNN AFP RIA AM PM GMT UTC VIP NGO NGOS RSS FAQ TV DNA RNA
    QS THE ARE WE AND OR BY IN ON СНГ РФ США СССР ЕС ООН ТАСС РИА ИА ВУЗ ОАЭ КНР ШОС ЧП РАН""".split()  # noqa: SIM905
)
_TITLES = frozenset(
    """president rector vice-rector chancellor dean professor prof dr mr mrs ms minister director head
    lecturer chairman chairperson chair coordinator secretary ambassador consul spokesperson
    ректор проректор президент профессор декан министр директор""".split()  # noqa: SIM905
)
# Russian.
_RU_HEADS = re.compile(
    r"^(?:университет|институт|академи|колледж|ассоциаци|союз|центр|фонд|министерств|консорциум|школ|агентств|"
    r"корпораци|компани|учреждени|лицей|консерватори|организаци)\w*$|^\w+-(?:колледж|университет|институт)\w*$",
    re.IGNORECASE,
)
_RU_ADJ = re.compile(r"[\w-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ей)$")
_RU_GENITIVE = re.compile(r"[\w-]+(?:ии|ий|ых|их|ого|его|ой|ей|ов|ев|ства|ки|ры|ния|ний|ции|ций|ики|ы|и|а|я|ия)$")
_RU_VERBISH = re.compile(r"\w+(?:ет|ит|ют|ят|ут|ал|ил|ел|ла|ли|ло|лся|ться|ть|ти)$")
# Chinese.
_ZH_HEADS = re.compile(r"大学|学院|研究院|研究所|基金会|中心|协会|联盟|组织|合作署|使馆|部|委员会|公司|集团|学校")
_ZH_BREAK = re.compile(
    r"[与和及、,，。；;:：“”《》「」()（）\s]|在|赴|于|同|向|是|为|由|将|的|了|对|并|也|还|等|签署|签订|揭牌|成立|举行|代表团|副校长|校长|"
    r"负责人|期间|根据|双方|之一|一行|围绕|互设|开展|设立|建立|举办|推进"
)


@attrs.frozen
class Span:
    """A candidate name in a sentence (cleaned-text offsets)."""

    start: int
    end: int
    text: str
    kind: str  # "name", "unit", "acronym"
    head: str | None = None


@functools.lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text))


@functools.lru_cache(maxsize=65536)
def _is_cap(word: str) -> bool:
    return word[:1].isupper() or bool(_ROMAN.match(word))


@functools.lru_cache(maxsize=65536)
def _head_of(word: str) -> str | None:
    low = word.lower().rstrip(".")
    if low in _HEADS_EN or low in _UNIT_HEADS:
        return low
    if low in _HEADS_HEAD_FIRST:
        return low
    if low.endswith(("universität", "hochschule", "akademie", "institut")) and len(low) > 11:
        return "hochschule"
    return None


@functools.lru_cache(maxsize=65536)
def is_acronym_token(word: str) -> bool:
    """True for acronym-like tokens: ``HUST``, ``SibFU``, ``itSMF``, ``OECD-IMHE``, ``СПбГУ``."""
    if word.islower() or word[1:].islower() or len(word) < 2:
        return False
    core = word.rstrip(".")
    letters = [c for c in core if c.isalpha()]
    if not 2 <= len(letters) <= 10 or len(core) > 12:
        return False
    upper = sum(c.isupper() for c in letters)
    if upper < 2 or core.upper() in _ACRONYM_STOP or _ROMAN.match(core):
        return False
    return upper >= len(letters) - 3 and not core[:1].isdigit()


def find_names(text: str, offset: int = 0) -> list[Span]:
    """Organisation names in one sentence, by shape (no registry needed).

    Example:
        >>> [s.text for s in find_names("HUST and the Saint-Petersburg State University of Information Technologies, "
        ...                            "Mechanics and Optics (ITMO University) signed it.")]
        ['Saint-Petersburg State University of Information Technologies, Mechanics and Optics', 'ITMO University']
        >>> [s.text for s in find_names("the Hainan University, Hainan Normal University and Sanya University")]
        ['Hainan University', 'Hainan Normal University', 'Sanya University']
    """
    out: list[Span] = []
    if re.search(r"[\u3400-\u9fff]", text):
        out.extend(_find_zh(text, offset))
    toks = _tokens(text)
    out.extend(_find_latin(text, toks, offset))
    if re.search(r"[\u0400-\u04ff]", text):
        out.extend(_find_ru(text, toks, offset))
    out.extend(_find_quoted(text, offset, out))
    out.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in out:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


@functools.lru_cache(maxsize=65536)
def _word_info(w: str) -> tuple[bool, bool, bool, bool, bool, str | None, bool, bool]:
    """What _runs asks of a word: (may join, leading stop, capitalised, connector,
    lower-case Romance word, head, elision, ends with a sentence dot)."""
    low = w.lower()
    return (
        w[0].isalnum() and low.rstrip(".") not in _TITLES,
        low in _LEADING_STOP,
        _is_cap(w),
        low in _CONNECTORS,
        low.isalpha() and not low.isupper() and len(low) > 3,
        _head_of(w),
        w in ("l'", "l’", "L'", "L’", "d'", "d’", "D'", "D’"),
        w.endswith(".") and not _ABBREV_DOT.match(w),
    )


def _runs(text: str, toks: tuple[tuple[int, int, str], ...]) -> list[list[tuple[int, int, str]]]:
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    prev_head_first = False
    last_end = 0
    last_dot = False
    for tok in toks:
        s, e, w = tok
        may, lead_stop, cap, conn, romance_word, head, elision, dot = _word_info(w)
        if cur:
            gap = s - last_end
            joinable = (
                not last_dot
                and (gap == 0 or (gap == 1 and text[last_end] in " -") or (gap == 2 and text[last_end:s] == ", "))
                and (gap < 2 or _comma_ok(text, s))
            )
            if w == "," and _comma_ok(text, e + 1):
                continue
        else:
            joinable = True
        ok = elision or (
            may
            and (not lead_stop or bool(cur))
            and (
                cap
                or conn
                or (prev_head_first and romance_word and _romance(cur))
                or (head is not None and _lower_head_ok(text, tok))
            )
        )
        if ok and joinable:
            cur.append(tok)
            last_end, last_dot = e, dot
        else:
            if cur:
                runs.append(cur)
            if ok:
                cur = [tok]
                last_end, last_dot = e, dot
            else:
                cur = []
        if head is not None:
            prev_head_first = head in _HEADS_HEAD_FIRST or head == "hochschule"
        elif not ok or cap:
            prev_head_first = prev_head_first and ok and not cap
    if cur:
        runs.append(cur)
    return runs


_ABBREV_DOT = re.compile(r"^(?:[A-ZА-ЯЁ]|St|Ste|Univ|Inst|Acad|Dr|Mt|[A-Z]\.[A-Z])\.$")
_LEADING_STOP = frozenset(
    """with con in en on at for para im dans avec by par from desde after before during today yesterday
    this last also however meanwhile recently hoy heute aujourd""".split()  # noqa: SIM905
)


def _romance(cur: list[tuple[int, int, str]]) -> bool:
    heads = [_head_of(w) for _, _, w in cur if _head_of(w)]
    return bool(heads) and heads[-1] not in (
        "hochschule",
        "universität",
        "universitaet",
        "fachhochschule",
        "akademie",
        "stiftung",
        "bundesland",
        "bundesstaat",
        "zentrum",
        "ministerium",
        "netzwerk",
    )


def _lower_head_ok(text: str, tok: tuple[int, int, str]) -> bool:
    """A lower-case head is part of a name only before a capitalised word ("université Mohammed V")."""
    _s, e, w = tok
    if w[:1].isupper():
        return w.lower() not in _PLURAL_HEADS or True
    if w.lower() in _PLURAL_HEADS:
        return False
    return bool(re.match(r" (?:of |de |del |de la |des |du |d['’])?(?:the |la |l['’])?[A-ZÀ-Ý]", text[e : e + 12]))


def _comma_ok(text: str, pos: int) -> bool:
    """A comma inside a name: "University of Information Technologies, Mechanics and Optics"."""
    tail = text[pos : pos + 60]
    m = re.match(r"([A-Z]\w+(?: [A-Z]\w+)?) (?:and|y|et|und) ([A-Z]\w+)", tail)
    if not m:
        return False
    before = text[max(0, pos - 80) : pos]
    return " of " in before and not any(_head_of(w) for w in m.group(0).split())


def _may_have_head(text: str) -> bool:
    """False only when no word of ``text`` can be a head (a name needs one): a fast prefilter."""
    return _HEAD_STEMS.search(text.lower()) is not None


def _find_latin(text: str, toks: tuple[tuple[int, int, str], ...], offset: int) -> list[Span]:
    out: list[Span] = []
    if not _may_have_head(text):
        return out  # no run can hold a head, and the shared-head forms need one too
    for run in _runs(text, toks):
        for part in _split_run(run):
            span = _trim(text, part)
            if span is not None:
                out.append(Span(span.start + offset, span.end + offset, span.text, span.kind, span.head))
    out.extend(_shared_heads(text, toks, offset))
    return out


def _split_run(run: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    parts = [run]
    changed = True
    while changed:
        changed = False
        new: list[list[tuple[int, int, str]]] = []
        for part in parts:
            cut = None
            for i, (_s, _e, w) in enumerate(part):
                if w.lower() in _SPLITTERS and 0 < i < len(part) - 1:
                    left, right = part[:i], part[i + 1 :]
                    if _has_head(left) and _has_head(right) and not _head_then_of(left):
                        cut = i
                        break
                    if right[0][2].lower() in _DETERMINERS and _is_cap(right[-1][2]) and _has_head(left):
                        cut = i
                        break
                    if _has_head(right) and (
                        _starts_new_name(right) or _has_acronym(left) or (_has_head(left) and _ends_in_head(right))
                    ):
                        cut = i
                        break
                    if _has_acronym(left) and not _has_head(left) and _has_head(right):
                        cut = i
                        break
                if w.lower() in _KEEP_AFTER and 0 < i < len(part) - 1:
                    left, right = part[:i], part[i + 1 :]
                    left_words = [x for _, _, x in left if x.lower() not in _DETERMINERS]
                    left_heads = [_head_of(x) for x in left_words if _head_of(x)]
                    if (
                        _has_head(right)
                        and _starts_name_after_of(right)
                        and (not left_heads or (_head_of(left_words[0]) in _UNIT_HEADS))
                    ):
                        cut = i
                        break
            if cut is None:
                new.append(part)
            else:
                new.extend([part[:cut], part[cut + 1 :]])
                changed = True
        parts = new
    return parts


def _has_head(part: list[tuple[int, int, str]]) -> bool:
    return any(_head_of(w) is not None for _, _, w in part)


def _head_then_of(part: list[tuple[int, int, str]]) -> bool:
    # "Ministry of Education and Vocational Training": the left side ends inside an "of" phrase.
    words = [w.lower() for _, _, w in part]
    for i, w in enumerate(words):
        if _head_of(w) is not None and i + 1 < len(words) and words[i + 1] in _KEEP_AFTER:
            return not any(_head_of(x) for x in words[i + 1 :])
    return False


def _starts_new_name(part: list[tuple[int, int, str]]) -> bool:
    first = part[0][2].lower()
    return first in _DETERMINERS or _head_of(first) is not None or is_acronym_token(part[0][2])


def _ends_in_head(part: list[tuple[int, int, str]]) -> bool:
    words = [w for _, _, w in part]
    heads = [i for i, w in enumerate(words) if _head_of(w) is not None and w.lower() not in _PLURAL_HEADS]
    return bool(heads) and heads[0] > 0 and _is_cap(words[0])


def _has_acronym(part: list[tuple[int, int, str]]) -> bool:
    return any(is_acronym_token(w) for _, _, w in part)


def _starts_name_after_of(part: list[tuple[int, int, str]]) -> bool:
    words = [w for _, _, w in part if w.lower() not in _DETERMINERS]
    if not words:
        return False
    if _head_of(words[0]) is not None and _head_of(words[0]) not in _UNIT_HEADS:
        return words[0].lower() in _HEADS_HEAD_FIRST or len(words) > 1
    heads = [i for i, w in enumerate(words) if _head_of(w)]
    return bool(heads) and _is_cap(words[0]) and heads[0] > 0


def _trim(text: str, part: list[tuple[int, int, str]]) -> Span | None:
    while part and (part[0][2].lower() in _CONNECTORS or part[0][2].lower() in _DETERMINERS):
        part = part[1:]
    heads = [i for i, (_, _, w) in enumerate(part) if _head_of(w) is not None]
    if not heads:
        return None
    last = heads[-1]
    head = _head_of(part[last][2]) or ""
    head_first = head in _HEADS_HEAD_FIRST or head == "hochschule"
    # After an English head only "of/for ..." continues the name.
    if not head_first and last + 1 < len(part) and part[last + 1][2].lower() not in _KEEP_AFTER:
        part = part[: last + 1]
    while part and (
        part[-1][2].lower() in _CONNECTORS or part[-1][2].lower() in _DETERMINERS or not _is_cap(part[-1][2])
    ):
        if _head_of(part[-1][2]) is not None and len(part) > 1:
            break
        part = part[:-1]
    if not part:
        return None
    words = [w for _, _, w in part]
    if len(words) == 1 and not (False):
        return None  # a bare head is a reference, not a name
    if all(_head_of(w) is not None or w.lower() in _CONNECTORS for w in words):
        return None
    first_head = next(_head_of(w) for w in words if _head_of(w) is not None)
    kind = "unit" if first_head in _UNIT_HEADS and _head_of(words[0]) is not None else "name"
    start, end = part[0][0], part[-1][1]
    if text[end - 1 : end] == "." and not re.search(r"\b\w\.$", text[start:end]):
        end -= 1
    return Span(start, end, text[start:end], kind, first_head)


_ELLIPTIC = re.compile(r"\b(?:y|et|e) (?:la|le|el|l['’]) (?:de|d['’]) ([A-Z][\w-]+(?: [A-Z][\w-]+)*)")


def _shared_heads(text: str, toks: tuple[tuple[int, int, str], ...], offset: int) -> list[Span]:
    """ "Les universités Mohammed V de Rabat et Cheikh Anta Diop de Dakar" -> two names."""
    out: list[Span] = []
    for m in _ELLIPTIC.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        if any(_head_of(w) in _HEADS_HEAD_FIRST for w in before.split()):
            out.append(Span(m.start(1) + offset, m.end(1) + offset, m.group(1), "name", "university"))
    for _i, (_s, e, w) in enumerate(toks):
        if w.lower() not in _PLURAL_HEADS or not w[0].islower():
            continue
        sh = re.match(
            r" ((?:[A-Z][\w'’-]*|de|del|du|des|of|d['’]\w+)(?: (?:[A-Z][\w'’-]*|[IVX]+|de|del|du|des|of))*)"
            r" (?:et|and|y|und) ((?:[A-Z][\w'’-]*)(?: (?:[A-Z][\w'’-]*|[IVX]+|de|del|du|des|of))*)",
            text[e:],
        )
        if not sh:
            continue
        for g in (1, 2):
            s0, e0 = e + sh.start(g), e + sh.end(g)
            out.append(Span(s0 + offset, e0 + offset, text[s0:e0], "name", "university"))
    return out


def _find_ru(text: str, toks: tuple[tuple[int, int, str], ...], offset: int) -> list[Span]:
    out: list[Span] = []
    words = [t for t in toks if t[2][0].isalpha() or t[2][0] in '«"']
    n = len(words)
    for i, (s, e0, w0) in enumerate(words):
        stop = w0.endswith(".") and len(w0) > 4  # sentence stop glued to the head ("университет.")
        w, e = (w0[:-1], e0 - 1) if stop else (w0, e0)
        if not _RU_HEADS.match(w):
            continue
        # Left: capitalised first word and adjectives.
        j = i
        while j > 0 and _RU_ADJ.match(words[j - 1][2]) and text[words[j - 1][1] : words[j][0]] == " ":
            j -= 1
            if words[j][2][0].isupper():
                break
        left_ok = words[j][2][0].isupper() and j < i
        head_cap = w[0].isupper() or "-" in w
        # Right: "им. X. Y. Name", acronyms, genitive tails, "Университет ИТМО".
        k = i
        end = e
        tail = text[e:]
        m = re.match(r" (?:им\.|имени) (?:[А-ЯЁ]\. ?){0,2}[А-ЯЁ][\w-]+", tail)
        if m:
            end = e + m.end()
        else:
            while k + 1 < n and text[words[k][1] : words[k + 1][0]] == " ":
                nxt = words[k + 1][2]
                if is_acronym_token(nxt) or (nxt.upper() in ("СНГ", "ШОС", "БРИКС")):
                    k += 1
                    end = words[k][1]
                    break
                if nxt[0].isupper() and w[0].isupper() and "-" not in w and k == i and not left_ok:
                    k += 1
                    end = words[k][1]
                    continue
                if (
                    (left_ok or head_cap)
                    and nxt[0].islower()
                    and (_RU_GENITIVE.match(nxt) or nxt == "и")
                    and not _RU_VERBISH.match(nxt)
                ):
                    if nxt == "и" and not (k + 2 < n and _RU_GENITIVE.match(words[k + 2][2])):
                        break
                    k += 1
                    end = words[k][1]
                    continue
                break
            while k > i and words[k][2] == "и":
                k -= 1
                end = words[k][1]
        if not left_ok and not (head_cap and end > e):
            if not ("-" in w and w[0].isupper()):
                continue
            j = i
        start = words[j][0] if left_ok else s
        if (j < i and not words[j][2][0].isupper()) or (start == s and not head_cap):
            continue
        out.append(Span(start + offset, end + offset, text[start:end], "name", "university"))
    return out


def _find_zh(text: str, offset: int) -> list[Span]:
    out: list[Span] = []
    for m in _ZH_HEADS.finditer(text):
        end = m.end()
        # extend to the longest head ending here ("研究所" inside "...研究所")
        start = m.start()
        while start > 0 and re.match(r"[\u3400-\u9fff—\-·.]", text[start - 1]):
            if _ZH_BREAK.match(text, start - 1) or (start > 1 and _ZH_BREAK.fullmatch(text[start - 2 : start])):
                break
            start -= 1
        if end - start < 4:
            continue
        out.append(Span(start + offset, end + offset, text[start:end], "name", "university"))
    # keep the longest span per start; drop spans nested in a longer one
    out.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in out:
        if merged and span.start < merged[-1].end:
            if span.end > merged[-1].end and span.start == merged[-1].start:
                merged[-1] = span
            elif span.end > merged[-1].end:
                merged[-1] = Span(
                    merged[-1].start,
                    span.end,
                    text[merged[-1].start - offset : span.end - offset],
                    "name",
                    "university",
                )
            continue
        merged.append(span)
    return merged


_QUOTED = re.compile(
    r"(?:([A-ZА-ЯЁ]{2,6}|[A-Z][\w-]+ (?:University|Institute)|[А-ЯЁ]\w+ университет\w*) )?[«\"“„]([^«»\"“”„]{2,120})[»\"”“]"  # noqa: E501
)


def _find_quoted(text: str, offset: int, found: list[Span]) -> list[Span]:
    out: list[Span] = []
    for m in _QUOTED.finditer(text):
        inner = m.group(2).strip()
        words = inner.split()
        if m.group(1):
            if m.group(1).upper() in _ACRONYM_STOP or len(words) > 4:
                continue
            s, e = m.start(), m.end()
            out.append(Span(s + offset, e + offset, text[s:e], "name", "university"))
            continue
        if len(words) > 12 or not any(_head_of(w) or _RU_HEADS.match(w) for w in words):
            continue
        s, e = m.start(2), m.end(2)
        out.append(Span(s + offset, e + offset, text[s:e], "name", "university"))
    return out


def find_acronyms(text: str, offset: int = 0) -> list[Span]:
    """Acronym-like tokens that may name an organisation (``HUST``, ``EUA``, ``КФУ``)."""
    out: list[Span] = []
    toks = _tokens(text)
    all_caps_line = sum(w.isupper() for _, _, w in toks) > 0.6 * max(1, len(toks)) and len(toks) > 3
    for i, (s, e, w) in enumerate(toks):
        core = w.rstrip(".")
        if not is_acronym_token(core) or all_caps_line or "." in core or any(c.isdigit() for c in core):
            continue
        if len(core) < 3:
            continue
        nxt_word = toks[i + 1][2] if i + 1 < len(toks) else ""
        if (
            core.isupper()
            and nxt_word[:1].isupper()
            and nxt_word[1:2].islower()
            and _head_of(nxt_word) is None
            and text[e : e + 1] == " "
        ):
            continue  # "WANG Fei", "LI Jung": a surname in capitals
        e = s + len(core)  # noqa: PLW2901
        prev = toks[i - 1][2].lower().rstrip(".") if i else ""
        after = text[e : e + 16]
        if prev in _TITLES or re.match(r",? (?:president|rector|head|dean|the president)\b", after, re.IGNORECASE):
            continue
        if re.match(r"\s?[-–:]?\s?\d", after) or (i == 0 and re.match(r"\s*[:–—-]\s", after)):
            continue
        if (
            len(core) > 5
            and core.isupper()
            and core.isalpha()
            and i + 1 < len(toks)
            and toks[i + 1][2][:1].isupper()
            and toks[i + 1][2].isupper()
        ):
            continue
        out.append(Span(s + offset, e + offset, core, "acronym", None))
    return out


_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_GENERIC_KEY = frozenset(
    """university universities universidad université universite universität universitaet college the of
    and for de del la las los el le les des du d l di da der die das und y et state national federal
    research technical technological public autonomous nacional autónoma national nationale staatliche
    государственный государственного государственным государственном национальный федеральный
    федерального исследовательский научно университет университета университету университетом
    университете им имени""".split()  # noqa: SIM905
)


def name_key(name: str) -> frozenset[str]:
    """The distinctive words of a name, for grouping forms of one name in a text.

    Example:
        >>> name_key("University of Turbat") == name_key("Turbat University")
        True
        >>> name_key("Казанский университет") == name_key("Казанского федерального университета")
        True
    """
    words = re.findall(r"[^\W_]+", name.casefold())
    out = set()
    for w in words:
        if w in _GENERIC_KEY:
            continue
        if _CJK_CHAR.match(w):
            out.add(w)
            continue
        if not w.isascii() and not re.match(r"[\u0400-\u04ff]", w):
            w = fold(w).replace(" ", "")  # noqa: PLW2901
        if re.match(r"[\u0400-\u04ff]", w):
            if w.startswith(("государствен", "федеральн", "национальн", "университет", "исследовательск")):
                continue
            w = w[:5]  # noqa: PLW2901
        elif len(w) > 6 and w.isalpha():
            w = w[:6]  # noqa: PLW2901
        out.add(w)
    if _STATE_UNIVERSITY.search(name):
        out.add("state")  # "Arizona State University" is not "the University of Arizona"
    return frozenset(out)


_STATE_UNIVERSITY = re.compile(r"\b[A-Z][a-z]+ State University\b")
