"""Evidence of the registry as a whole (partnerkit._matching._match._unique): the only holder.

What a user relies on: a name whose distinctive words only one registered institution carries
is a MATCH for it even when the two names differ in words that do not tell bodies apart: the
institution's own city or country (in any language), the qualifier "applied sciences", an
organisation word the registry's names swap, or an organisation word added to a registered name
that carries none ("Neuromatch Academy" for "Neuromatch"). A rival holder, an organisation word
of another kind than the institution ("Lundin yliopisto" is no company), or a name read through
a translation keeps it undecided.
"""

from __future__ import annotations

import pytest

import partnerkit as pk

COMPANY, EDUCATION = pk.InstitutionKind.COMPANY, pk.InstitutionKind.EDUCATION


def _inst(i: str, name: str, **kw: object) -> pk.Institution:
    return pk.Institution(id=i, name=name, **kw)  # type: ignore[arg-type]


REGISTRY = [
    _inst("n", "Neuromatch", country="US", kind=EDUCATION),
    _inst("b", "Binaytara", country="US", kind=pk.InstitutionKind.NONPROFIT),
    _inst("q", "IQuity (United States)", country="US", kind=COMPANY),
    _inst("l", "Lundin (Norway)", country="NO", kind=COMPANY),
    _inst("p", "Leo Pharma (Denmark)", country="DK", kind=COMPANY),
    _inst("w", "Windesheim", country="NL", kind=EDUCATION),
    _inst("g", "Gerontix", country="FR", kind=pk.InstitutionKind.OTHER),
    # two holders of "Kestrel": neither is the only one
    _inst("k1", "Kestrel", country="GB", kind=pk.InstitutionKind.NONPROFIT),
    _inst("k2", "Kestrel Research Trust", country="GB", kind=pk.InstitutionKind.FUNDER),
    # a registered name with an organisation word is not bare: its word must be the query's
    _inst("h", "Halvorsen Institute", country="NO", kind=pk.InstitutionKind.RESEARCH),
    _inst("u", "University of Kent", country="GB", kind=EDUCATION),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # an organisation word added to a registered name that carries none
        ("Neuromatch Academy", "n"),
        ("Binaytara Foundation", "b"),
        ("The Binaytara Foundation", "b"),
        ("IQuity Labs", "q"),
        ("Hogeschool Windesheim", "w"),
        # a school or university word names a school: not a body of another kind
        ("Lundin yliopisto", None),
        ("Gerontix University", None),
        # a company's bare name with a foundation or society word is another body
        ("Leo Pharma Research Foundation", None),
        ("IQuity Society", None),
        # another holder of the words
        ("Kestrel Foundation", None),
        # the registered name carries another organisation word: not bare
        ("Halvorsen Society", None),
    ],
)
def test_an_organisation_word_beside_a_bare_registered_name(query: str, expected: str | None) -> None:
    best = pk.Registry(REGISTRY).match(query)[0]
    if expected is None:
        assert best.decision is not pk.Decision.MATCH, best.explanation
    else:
        assert (best.institution.id, best.decision) == (expected, pk.Decision.MATCH), best.explanation
        assert "Unique: the only institution" in str(best.explanation)


def test_a_bare_name_read_through_a_translation_is_not_taken() -> None:
    """Words read with the registry's mined translations are not the query's words as written."""
    reg = pk.Registry(
        [
            _inst("s", "Samson Co., Ltd. (Japan)", country="JP", kind=COMPANY),
            _inst("t", "Tokyo Institute", labels={"ja": "東京研究所"}, country="JP"),
            _inst("u", "University of Kent", country="GB"),
        ]
    )
    assert all(
        m.institution.id != "s" or m.decision is not pk.Decision.MATCH for m in reg.match("株式会社サムソン研究所")
    )


TEAMS = [
    _inst("t", "TOPAL: Outils et Optimisations pour le Calcul Haute Performance", country="FR"),
    _inst("m", "Colorado Mesa University", country="US"),
    _inst("n", "NYCU Disaster Prevention and Water Environment Research Center", country="TW"),
    _inst("b", "Indonesian Nuclear Technology Polytechnic - BRIN", country="ID"),
    # "AVALON" heads one registered name and is a word of another one in France
    _inst("a", "AVALON: Algorithms and Software Architectures for Distributed Platforms", country="FR"),
    _inst("a2", "Avalon Heritage Society", country="FR"),
    _inst("u", "University of Kent", country="GB"),
]


@pytest.mark.parametrize(
    ("query", "country", "expected"),
    [
        # the short name a registered name sets apart first, alone in the hinted country
        ("TOPAL", "FR", "t"),
        # without a hint an acronym stays POSSIBLE
        ("TOPAL", None, None),
        # a word inside a phrase, a parent after a dash, a word another institution carries
        ("MESA", "US", None),
        ("NYCU", "TW", None),
        ("BRIN", "ID", None),
        ("AVALON", "FR", None),
    ],
)
def test_a_capitalised_word_set_apart_in_a_registered_name(
    query: str, country: str | None, expected: str | None
) -> None:
    """With a country hint, a query in capitals that is the first part of one registered name
    ("TOPAL" for "TOPAL: Outils et ...") names it when no other institution of the country has
    the word; a capitalised word inside a phrase does not."""
    best = pk.Registry(TEAMS).match(query, country)[0]
    if expected is None:
        assert best.decision is not pk.Decision.MATCH, best.explanation
    else:
        assert (best.institution.id, best.decision) == (expected, pk.Decision.MATCH), best.explanation
        assert "whose names carry this word" in str(best.explanation)


SPELLINGS = [
    _inst("t", "Princess Máxima Center", country="NL"),
    _inst("a", "Ajeenkya DY Patil University", country="IN"),
    _inst("g", "Gwangju Institute of Science and Technology", country="KR"),
    _inst("u", "University of Kent", country="GB"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a variant spelling beside words the registered name writes alike
        ("Prinses Máxima Centrum", "t"),
        ("Ajinkya DY Patil University", "a"),
        # a variant that starts otherwise is not read in the name's form ("Huzhou" is not "Suzhou")
        ("Kwangju Institute of Science and Technology", None),
    ],
)
def test_a_variant_spelling_beside_words_written_alike(query: str, expected: str | None) -> None:
    """A word the registered name writes in another spelling ("Gwangju" / "Kwangju") is looked up
    in that spelling when the query has another distinctive word the name writes alike."""
    best = pk.Registry(SPELLINGS).match(query)[0]
    if expected is None:
        assert best.decision is not pk.Decision.MATCH, best.explanation
    else:
        assert (best.institution.id, best.decision) == (expected, pk.Decision.MATCH), best.explanation
