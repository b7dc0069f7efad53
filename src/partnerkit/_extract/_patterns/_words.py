"""The words of a sentence and what they are: heads, connectors, titles, acronym shapes."""

from __future__ import annotations

import functools
import itertools
import re

import attrs

from partnerkit._extract._trie import literal_trie

__all__ = ["CALENDAR", "EVENT", "ROMANCE_MONTHS", "Span", "is_acronym_token"]

# The words that name an event, not an organisation ("Vexa Health Forum", "Rectors' Summit"): such a
# name is no party a pair reference means, nor a company in a partner slot.
EVENT = re.compile(
    r"forum|summit|conference|congress|meeting|symposium|форум|саммит|конференц|съезд|foro|cumbre|congreso"
    r"|conferencia|sommet|congrès|colloque|konferenz|kongress|gipfel|论坛|峰会|会议",
    re.IGNORECASE,
)

# Months and weekdays before a name are a date, not its first word ("On 29 April Varnell University
# signed", "Am 2. Mai Hochschule X"): English and German write them with a capital.
CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag
    samstag sonntag""".split()  # noqa: SIM905
)
# French and Spanish months, capitalised only where a sentence opens (and "Mayo" opens a name too:
# the Mayo Clinic), so they are no date word before a name, only before a company ("en Mars Vexacorp")
ROMANCE_MONTHS = frozenset(
    """janvier février mars avril juin juillet août septembre octobre novembre décembre enero febrero
    marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre""".split()  # noqa: SIM905
)

# The Nordic heads, which follow their name, written in lower case after it in Swedish and Finnish
# ("Karolinska Institutet", "Aarhus Universitet", "Lunds universitet", "Helsingin yliopisto").
_NORDIC_HEADS = frozenset(
    """institutet universitet universitetet högskola högskolan høgskole høgskolen yliopisto korkeakoulu""".split()  # noqa: SIM905
)
# Heads after which a name continues with "of ..." only (English word order).
_HEADS_EN = (
    frozenset(
        """university universities institute institutes college academy association union network agency
    ministry council centre center foundation society commission consortium alliance federation
    polytechnic corporation company summit forum government service organization organisation clinic
    conservatory school fund bank administration group league guild ag gmbh inc ltd llc plc akimat hokimiyat
    municipality mayoralty unibertsitatea""".split()  # noqa: SIM905
    )
    | _NORDIC_HEADS
)
# Heads after which proper words may follow (Romance and German order).
_HEADS_HEAD_FIRST = frozenset(
    """universidad universidade université universite università universität universitaet hochschule
    fachhochschule instituto institut istituto escuela école ecole scuola academia académie akademie
    agence agencia stiftung fundación fondation ayuntamiento ministerio ministère ministerium bundesland
    bundesstaat centro consejo conseil zentrum colegio collège asociación associação politécnico
    politecnico red réseau netzwerk universitat universitas universiti universiteit uniwersytet univerzita
    politécnica politècnica politecnica tecnológico tecnologico grupo groupe gruppo consorcio consórcio consorzio
    federación fédération alianza municipalidad alcaldía mairie associazione alleanza aliança rete rede""".split()  # noqa: SIM905
)
_PLURAL_HEADS = frozenset(["universités", "universidades", "universities", "università", "universitäten"])
_UNIT_HEADS = frozenset(
    """department faculty laboratory lab division office chair school departamento facultad faculté
    fakultät département laboratorio laboratoire lehrstuhl hospital""".split()  # noqa: SIM905
)
# Words of a field that, with a unit head and nothing else, name a part of some university, not an
# organisation: "the Business School", "the Law School", "the Graduate School of Management".
_FIELD_WORDS = frozenset(
    """business law medical medicine graduate engineering management nursing dental veterinary
    education music art arts design architecture economics journalism pharmacy""".split()  # noqa: SIM905
)
# Every head as a substring of lower-cased text (a superset of what _head_of accepts).
# (a trie, not a flat alternation: only asked whether a head word is in a text)
_HEAD_STEMS = literal_trie(
    _HEADS_EN | _HEADS_HEAD_FIRST | _UNIT_HEADS | {"universität", "hochschule", "akademie", "institut"}
)
_CONNECTORS = frozenset(
    """of for and the de del la las los el des du d' d’ di da do dos der für zu und y et e &
    della delle dei degli dello dell' dell’ per para pour""".split()  # noqa: SIM905
)
# a connector only right after a head: Portuguese "Associação das Universidades", not German "TUM und das College"
_CONNECTORS_AFTER_HEAD = frozenset(["das"])
_DETERMINERS = frozenset(
    """the a an la las los el le les l' l’ die der das den dem des un une il lo gli nell' nell’ all' all’ dall' dall’
    sull' sull’ un' un’""".split()  # noqa: SIM905
)
_SPLITTERS = frozenset(["and", "y", "et", "und", "e", "&"])
_KEEP_AFTER = frozenset(
    """of for de del des du d' d’ di da do für der zu""".split()  # noqa: SIM905
)
_WORD = re.compile(
    r"[\u3400-\u9fff]+|(?:(?:[lLdD]|[dDnNcC]ell|[dDsS]?[aAuU]ll|[qQ]uell|[uU]n)['’])|[^\W_]+(?:[-'’.][^\W_]+)*(?:(?<=s)['’](?!\w))?\.?|[«»\"“”„(),;:]"
)
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
# German role nouns, capitalised as every German noun, that never continue a name ("die HKA Mitglied
# im Netzwerk X": "Mitglied" is what the HKA is)
_ROLE_NOUNS = frozenset(
    """mitglied mitglieder gründungsmitglied gründungsmitglieder vollmitglied vollmitglieder""".split()  # noqa: SIM905
)
# Russian.
_RU_HEADS = re.compile(
    r"^(?:университет|институт|академи|колледж|ассоциаци|союз|центр|фонд|министерств|консорциум|школ|агентств|"
    r"корпораци|компани|учреждени|лицей|консерватори|организаци|альянс|федераци)\w*$|^сет(?:ь|и|ью)$|"
    r"^\w+-(?:колледж|университет|институт)\w*$",
    re.IGNORECASE,
)


# Romance adjectives written in lower case inside a name ("École normale supérieure",
# "Universidad autónoma", "École polytechnique"): by their endings, never a verb's
_ROMANCE_ADJECTIVE = re.compile(
    r"^(?!p[uú]blic|privad|priv[ée])[a-zà-ÿ]+(?:ale|al|ique|ica|ico|ieure|eure|ior|aire|ario|aria|oma|omo|enne|éen"
    r"|ina|ino|elle|ive|iva|ivo|ée|libre)s?\.?$"
)


def _adjective_tail(text: str, part: list[tuple[int, int, str]], last: int, head: str) -> int:
    """How many words of ``part`` to keep at least: a capitalised Romance head inside a sentence and up
    to two lower-case adjectives right after it that end the run ("l'École normale supérieure et ...")."""
    if head not in _HEADS_HEAD_FIRST or not part[last][2][:1].isupper() or part[last][0] == 0:
        return 0
    after = part[last + 1 :]
    if not 1 <= len(after) <= 2 or not all(_ROMANCE_ADJECTIVE.match(w) for _, _, w in after):
        return 0
    return len(part) if text[: part[last][0]].strip() else 0


@attrs.frozen
class Span:
    """A candidate name in a sentence (cleaned-text offsets)."""

    start: int
    end: int
    text: str
    kind: str  # "name", "unit", "acronym"
    head: str | None = None


_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


@functools.lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    # separator, word, separator, ...: the running sum of their lengths gives every offset
    parts = _WORD_SPLIT.split(text)
    bounds = list(itertools.accumulate(map(len, parts)))
    return tuple(zip(bounds[0:-1:2], bounds[1::2], parts[1::2], strict=True))


_GLUED = re.compile(r"[A-Z]{2,4}[A-Z][a-zà-ÿ]{3,}")
# an English possessive ending ("Glasgow's", "Leeds'"): no part of a name
_POSSESSIVE_END = re.compile(r"(?<=\w)['’]s$|(?<=s)['’]$")
_POSSESSIVE_TAILS = tuple(q + end for q in "'’" for end in ("s", "", "s\n", "\n"))


def without_possessive(span: Span) -> Span:
    """The span without a possessive ending ("the University of Glasgow's partners")."""
    if span.kind != "name" or not span.text.endswith(_POSSESSIVE_TAILS):
        return span  # (the pattern can match only at such an end: "$" is the end or a last newline)
    m = _POSSESSIVE_END.search(span.text)
    if m is None:
        return span
    return Span(span.start, span.end - (m.end() - m.start()), span.text[: m.start()], span.kind, span.head)


@functools.lru_cache(maxsize=65536)
def _is_cap(word: str) -> bool:
    return word[:1].isupper() or bool(_ROMAN.match(word))


@functools.lru_cache(maxsize=65536)
def _head_of(word: str) -> str | None:
    low = _POSSESSIVE_END.sub("", word.lower().rstrip("."))  # "University's" is "University"
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
    if _GLUED.fullmatch(core):
        return True  # an acronym glued to a capitalised word: "UCLouvain", "TUDelft"
    return upper >= len(letters) - 3 and not core[:1].isdigit()
