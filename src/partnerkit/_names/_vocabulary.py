"""The word lists of institution names: stop words, legal forms, the organisation-word
dictionary (``partnerkit/data/org_words.tsv``) and the organisation words of scripts written
without spaces (CJK), with their English keys."""

from __future__ import annotations

import functools

from partnerkit._names._places import word_table

__all__ = ["CJK_WORDS", "LEGAL_FORMS", "ORG_KEYS", "STOP_WORDS", "TRAILING_LEGAL_FORMS", "cjk_org_words", "org_words"]

#: Stop words in the languages of institution names (folded form). They never count.
STOP_WORDS: frozenset[str] = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "in",
        "at",
        "on",
        "a",
        "an",
        "to",
        "with",
        "by",
        "from",
        "de",
        "del",
        "dell",
        "della",
        "delle",
        "degli",
        "studi",  # "Università degli Studi di X" is the University of X
        "dei",
        "des",
        "du",
        "la",
        "le",
        "les",
        "l",
        "d",
        "y",
        "e",
        "et",
        "en",
        "el",
        "al",
        "las",
        "los",
        "lo",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "und",
        "zu",
        "zur",
        "zum",
        "von",
        "vom",
        "fur",
        "fuer",
        "bei",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "no",
        "na",
        "nos",
        "nas",
        "em",
        "van",
        "voor",
        "het",
        "en",
        "te",
        "i",
        "im",
        "imeni",
        "och",
        "og",
        "ve",
        "ile",
        "w",
        "we",
        "z",
        "ze",
    ]
)
#: Legal forms of companies and associations (folded): like stop words, they never count.
_LEGAL = "inc ltd limited llc plc gmbh ggmbh co kk ag bv nv ev pty pvt spa sas sarl ltda oy kabushiki kaisha gaisha"
LEGAL_FORMS: frozenset[str] = frozenset(_LEGAL.split())
#: Legal forms that are dropped only at the end of a name of other words ("Acorde Technologies,
#: S.A."): elsewhere they may be a word of the name ("SA Pathology" is South Australia's).
_TRAILING = "sa ab as aps asa oyj sl sro doo dd jsc pjsc ojsc cjsc incorporated sgps bhd sdn tbk kft zrt"
TRAILING_LEGAL_FORMS: frozenset[str] = frozenset(_TRAILING.split())

# Organisation words of scripts written without spaces: replaced before transliteration.
CJK_WORDS = {
    "大学校": "university",
    "大學校": "university",
    "대학교": "university",
    "대학": "university",
    "大学": "university",
    "大學": "university",
    "学院": "college",
    "學院": "college",
    "研究所": "institute",
    "研究院": "research institute",
    "科学院": "academy science",
    "科學院": "academy science",
    "科学技术": "science technology",
    "科學技術": "science technology",
    "科技": "science technology",
    "工业": "technology",
    "工業": "technology",
    "理工": "technology",
    "技术": "technology",
    "技術": "technology",
    "科学": "science",
    "科學": "science",
    "师范": "pedagogical",
    "師範": "pedagogical",
    "医科": "medical",
    "醫科": "medical",
    "医学": "medical",
    "農業": "agricultural",
    "农业": "agricultural",
    "国立": "national",
    "國立": "national",
    "国家": "national",
    "中心": "centre",
    "医院": "hospital",
    "醫院": "hospital",
    "研究": "research",
    "学校": "school",
    "學校": "school",
    "实验室": "laboratory",
    "實驗室": "laboratory",
    "研究中心": "research centre",
    "协会": "association",
    "協會": "association",
    "協会": "association",
    "学会": "society",
    "學會": "society",
    "基金会": "foundation",
    "基金會": "foundation",
    "財団": "foundation",
    "博物馆": "museum",
    "博物館": "museum",
    "图书馆": "library",
    "圖書館": "library",
    "天文台": "observatory",
    # Korean (Hangul) organisation words
    "대학원대학교": "graduate university",
    "대학원": "graduate school",
    "연구원": "research institute",
    "연구소": "institute",
    "연구센터": "research centre",
    "센터": "centre",
    "병원": "hospital",
    "의과": "medical",
    "의학": "medical",
    "공과": "technology",
    "과학기술": "science technology",
    "과학": "science",
    "기술": "technology",
    "국립": "national",
    "학교": "school",
    "재단": "foundation",
    "협회": "association",
    "학회": "society",
    "박물관": "museum",
    "도서관": "library",
    "교육": "pedagogical",
    # Japanese legal forms (company, incorporated foundation/association, school, medical and
    # administrative corporations): like GmbH or e.V., they never count ("kk" is dropped)
    **dict.fromkeys(
        [
            "株式会社",
            "有限会社",
            "一般社団法人",
            "公益社団法人",
            "一般財団法人",
            "公益財団法人",
            "社団法人",
            "財団法人",
            "財團法人",
            "独立行政法人",
            "国立研究開発法人",
            "地方独立行政法人",
            "学校法人",
            "医療法人",
            "社会福祉法人",
            "特定非営利活動法人",
        ],
        "kk",
    ),
}


def cjk_org_words() -> dict[str, str]:
    """The built-in CJK organisation words and their English keys (legal forms left out)."""
    return {w: k for w, k in CJK_WORDS.items() if k != "kk"}


@functools.cache
def org_words() -> dict[str, str]:
    """The organisation-word dictionary: folded variant -> English key.

    Read from ``partnerkit/data/org_words.tsv`` (``key<TAB>variant, variant, ...``).
    Every key maps to itself.
    """
    table: dict[str, str] = {}
    for key, variants in word_table("org_words.tsv"):
        table[key] = key
        for variant in variants:
            table.setdefault(variant, key)
    return table


def _org_keys() -> frozenset[str]:
    return frozenset(org_words().values())


#: Every English key of the organisation-word dictionary ("university", "institute", ...).
ORG_KEYS: frozenset[str] = _org_keys()
