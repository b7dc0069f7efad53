"""Word translations mined from a registry's own names (partnerkit._matching._translate).

What a user relies on: a registry whose institutions carry names in two languages
teaches it those words, so a name written in the other language finds its institution;
a pair of words that would turn one institution's name into another's is never learned.
"""

from __future__ import annotations

import pickle

import partnerkit as pk
from partnerkit._matching import Index
from partnerkit._matching._translate import mine_org_swaps, translate_key


def _inst(id: str, name: str, *aliases: str, country: str = "AT") -> pk.Institution:
    return pk.Institution(id=id, name=name, aliases=aliases, country=country)


TEACHERS = [
    _inst("tu", "Bruges University of Technology", "Technische Universität Brugge"),
    _inst("mu", "Medical University of Bruges", "Medizinische Universität Brugge"),
    _inst("vet", "University of Veterinary Medicine Bruges", "Veterinärmedizinische Universität Brugge"),
]


def _one(table: dict[str, str], a: str, b: str) -> bool:
    """``a`` and ``b`` read as one word (either may be the canonical one: the more frequent)."""
    return table.get(a, a) == table.get(b, b)


def test_a_word_pair_seen_in_two_institutions_is_learned() -> None:
    """Three institutions named in German and English teach "brugge" = "bruges" (no built-in table has it)."""
    index = Index(TEACHERS)
    assert len(index.translations) == 1
    assert _one(index.translations, "brugge", "bruges")


def test_a_pair_seen_once_is_not_learned() -> None:
    """One institution's two names are not enough: it may simply have been renamed."""
    index = Index(TEACHERS[:1])
    assert index.translations == {}


def test_translated_name_matches_its_institution() -> None:
    """'Universität Brugge' finds the University of Bruges, which the registry names only in English."""
    reg = pk.Registry([*TEACHERS, _inst("uw", "University of Bruges")])
    best = reg.match("Universität Brugge")[0]
    assert best.institution.id == "uw"
    assert best.decision is pk.Decision.MATCH
    assert "brugge = bruges" in str(best.explanation)


def test_registry_name_in_other_language_is_found_from_english() -> None:
    """The translated key is indexed too: 'University of Bruges' finds a registry entry written 'Universität Brugge'."""
    reg = pk.Registry([*TEACHERS, _inst("uw", "Universität Brugge")])
    best = reg.match("University of Bruges")[0]
    assert best.institution.id == "uw"
    assert best.decision is pk.Decision.MATCH


def test_a_pair_that_would_merge_two_institutions_is_not_learned() -> None:
    """ "Parque X" and "X Park" both registered as different institutions: parque/park stays unlearned."""
    insts = [
        _inst("a", "Alpha National Park", "Parque Nacional Alpha"),
        _inst("b", "Beta National Park", "Parque Nacional Beta"),
        _inst("c", "Gamma Park"),
        _inst("d", "Parque Gamma"),
    ]
    assert "parque" not in Index(insts).translations
    assert "parque" in Index(insts[:2]).translations


def test_words_written_together_are_not_translations() -> None:
    """A name carrying both words ("Business and Management School") shows they are not one word."""
    insts = [
        _inst("a", "Alpha School of Business", "Alpha School of Management"),
        _inst("b", "Beta School of Business", "Beta School of Management"),
    ]
    assert _one(Index(insts).translations, "business", "management")
    assert Index([*insts, _inst("c", "Gamma Business and Management School")]).translations == {}


def test_aligned_pairs_are_kept_even_when_not_learned() -> None:
    """A pair several institutions align but that another name refutes as a translation stays known
    as aligned: weaker evidence, used only beside a whole registered name (``_match._cognate``)."""
    insts = [
        _inst("a", "Alpha School of Business", "Alpha School of Management"),
        _inst("b", "Beta School of Business", "Beta School of Management"),
        _inst("c", "Gamma Business and Management School"),
    ]
    index = Index(insts)
    assert index.translations == {}
    assert ("business", "management") in index.aligned
    assert ("business", "management") not in Index(insts[:1]).aligned  # one institution is not enough


def test_a_pair_aligned_elsewhere_reads_the_best_candidate() -> None:
    """'Delta School of Business' is the registered 'Delta School of Management' when two other
    institutions' names align the words and no other institution carries the query's."""
    insts = [
        _inst("d", "Delta School of Management"),  # first: the candidates tie on score, the first is read
        _inst("a", "Alpha School of Business", "Alpha School of Management"),
        _inst("b", "Beta School of Business", "Beta School of Management"),
        _inst("c", "Gamma Business and Management School"),
    ]
    best = pk.Registry(insts).match("Delta School of Business")[0]
    assert (best.institution.id, best.decision) == ("d", pk.Decision.MATCH)
    assert "business = management" in str(best.explanation)


def test_index_with_translations_pickles() -> None:
    """The table travels with the index (Dask/Spark workers, saved registries)."""
    index = Index(TEACHERS)
    again = pickle.loads(pickle.dumps(index))
    assert again.translations == index.translations
    assert again.translated_from == index.translated_from
    assert again.aligned == index.aligned


def test_translate_key() -> None:
    assert translate_key("university wien", {"wien": "vienna"}) == "university vienna"
    assert translate_key("university graz", {"wien": "vienna"}) is None
    assert translate_key("university wien", {}) is None


def _renamed(extra: tuple[pk.Institution, ...] = ()) -> pk.Registry:
    # five colleges that became universities teach the swap; Belhaven University lost its old name
    renamed = [
        pk.Institution(id=f"r{k}", name=f"{p} University", aliases=(f"{p} College",))
        for k, p in enumerate(["Alvernia", "Chaminade", "Manhattanville", "Cardinal Stritch", "Bishop Grosseteste"])
    ]
    return pk.Registry([*renamed, pk.Institution(id="bh", name="Belhaven University"), *extra])


def test_organisation_words_swapped_within_institutions_are_learned() -> None:
    keys = {i: [f"{p} college", f"{p} university"] for i, p in enumerate("abcde")}
    both = {("college", "university"), ("university", "college")}
    assert mine_org_swaps(keys) == both

    def apart(n: int) -> dict[int, list[str]]:
        # names of two institutions differing only in the pair: "Boston College", "Boston University"
        places = [f"place{k}" for k in range(n)]
        return {100 + k: [f"{p} college"] for k, p in enumerate(places)} | {
            200 + k: [f"{p} university"] for k, p in enumerate(places)
        }

    assert mine_org_swaps(keys | apart(10)) == both  # swapped half as often as apart: kept
    assert mine_org_swaps(keys | apart(11)) == frozenset()
    assert mine_org_swaps({i: v for i, v in keys.items() if i < 4}) == frozenset()  # four institutions: too few


def test_former_college_name_finds_the_university_it_became() -> None:
    best = _renamed().match("Belhaven College")[0]
    assert (best.institution.id, best.decision) == ("bh", pk.Decision.MATCH)
    assert "college for university, as institutions' names swap them" in str(best.explanation)
    # another institution carrying the name's words: no guess
    other = pk.Institution(id="bs", name="Belhaven Hospital")
    assert _renamed((other,)).match("Belhaven College")[0].decision is not pk.Decision.MATCH
