"""The domain classes validate what users construct and say which field is wrong."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerkit as pk
from tests import strategies as pks


def test_institution_keeps_iso_code_for_country_names_in_any_language() -> None:
    """Users pass country names as they find them; the record keeps the alpha-2 code."""
    for value in ("RU", "ru", "RUS", "Russia", "Russian Federation", "Россия", " russia "):
        assert pk.Institution(id="x", name="X", country=value).country == "RU"
    assert pk.country_code("Deutschland") == "DE"
    assert pk.country_code("P.R. China") == "CN"
    assert pk.country_code("Kosovo") == "XK"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("East Timor", "TL"),
        ("Timor-Leste", "TL"),
        ("Congo-Kinshasa", "CD"),
        ("Congo-Brazzaville", "CG"),
        ("U.S.A.", "US"),
        ("Türkiye", "TR"),
        ("Republic of Korea", "KR"),
        ("Ivory Coast", "CI"),
    ],
)
def test_country_names_people_write(written: str, code: str) -> None:
    """Names and abbreviations in common use (not ISO's spelling) give their country."""
    assert pk.country_code(written) == code


@pytest.mark.parametrize("written", ["DRC", "KSA", "America"])
def test_an_abbreviation_that_also_names_bodies_is_no_country(written: str) -> None:
    """ "Dementia Research Centre (DRC)": an organisation's acronym is never read as a country, so
    the acronyms some people use for one are refused, not guessed."""
    with pytest.raises(pk.RecordError, match="not an ISO 3166 country"):
        pk.country_code(written)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"country": "Rusia"}, "country: 'Rusia' is not an ISO 3166 country"),
        ({"name": "   "}, "name: must not be empty"),
        ({"name": "\x00\x01"}, "name: must not be empty"),
        ({"name": 42}, "name: expected a string, got int"),
        ({"acronyms": "ITMO"}, "acronyms: expected a list of strings, got str"),
        ({"acronyms": ("ITMO", "")}, "acronyms: item 1: must not be empty"),
        ({"kind": "univ"}, "kind: 'univ' is not one of: education"),
        ({"status": "gone"}, "status: 'gone' is not one of: active, inactive, withdrawn"),
        ({"labels": {"ru": ""}}, "labels: ['ru']: must not be empty"),
    ],
)
def test_bad_institution_fields_raise_record_error_naming_the_field(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"id": "x", "name": "X", **kwargs}
    with pytest.raises(pk.RecordError) as info:
        pk.Institution(**args)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)
    assert isinstance(info.value, ValueError)
    assert info.value.field == message.split(":", maxsplit=1)[0]


def test_names_are_cleaned_of_control_characters_and_extra_space() -> None:
    inst = pk.Institution(id="x", name=" ITMO\u200b\x07  University\n", aliases=("A", "A", " B "))
    assert inst.name == "ITMO University"
    assert inst.aliases == ("A", "B")


_TEXT_CHARS = st.sampled_from(
    [" ", "a", "\n", "\t", "\x00", "\x1f", "\x85", "\xa0", "\u200b", "\u2028", "\u3000", "\ufeff", "é", "e\u0301", "Я"]
)


@given(st.lists(_TEXT_CHARS, max_size=12).map("".join) | st.text(max_size=20))
def test_clean_text_strips_control_characters_and_collapses_any_white_space(text: str) -> None:
    """Every name and quote is cleaned the same way, however it is written: NFC, no control
    characters, one space for any run of white space, trimmed (the clean text is a fixed point)."""
    import re
    import unicodedata

    from partnerkit._model import clean_text

    got = clean_text(text)
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
    assert got == re.sub(r"\s+", " ", control.sub("", unicodedata.normalize("NFC", text))).strip()
    assert clean_text(got) == got


def test_names_lists_every_name_with_its_type() -> None:
    inst = pk.Institution(
        id="hust",
        name="Huazhong University of Science and Technology",
        acronyms=("HUST",),
        aliases=("Huazhong Univ. Sci. Tech.",),
        labels={"zh": "华中科技大学"},
    )
    assert [(n.value, n.type, n.lang) for n in inst.names()] == [
        ("Huazhong University of Science and Technology", pk.NameType.DISPLAY, None),
        ("Huazhong Univ. Sci. Tech.", pk.NameType.ALIAS, None),
        ("HUST", pk.NameType.ACRONYM, None),
        ("华中科技大学", pk.NameType.LABEL, "zh"),
    ]


def test_records_are_frozen_and_hashable() -> None:
    inst = pk.Institution(id="x", name="X", labels={"ru": "Х"})
    with pytest.raises(AttributeError):
        inst.name = "Y"  # type: ignore[misc]
    assert hash(inst) == hash(pk.Institution(id="x", name="X", labels={"ru": "Х"}))
    party = pk.Party("HUST")
    assert {party, pk.Party("HUST")} == {party}


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2011", "year"), ("2021-04", "month"), ("2021-04-27", "day"), ("2021-4-7", "day")],
)
def test_partial_dates_parse_at_their_precision(text: str, precision: str) -> None:
    assert pk.PartialDate.parse(text).precision == precision


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-13", "month 13 is out of range 1..12"),
        ("2021-02-30", "day 30 is out of range 1..28 for 2021-02"),
        ("April 2021", "'April 2021' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "is not a date"),
    ],
)
def test_bad_partial_dates_are_rejected(text: str, message: str) -> None:
    with pytest.raises(pk.RecordError, match=message):
        pk.PartialDate.parse(text)


def test_partnership_date_errors_name_the_field() -> None:
    with pytest.raises(pk.RecordError, match=r"^date: month 13"):
        pk.Partnership(kind="mou", parties=(pk.Party("A"),), date="2021-13")
    with pytest.raises(pk.RecordError, match=r"^ended: ends \(2019\) before it starts \(2020\)"):
        pk.Partnership(kind="mou", parties=(pk.Party("A"),), started="2020", ended="2019")
    with pytest.raises(pk.RecordError, match=r"^parties: a partnership needs at least one party"):
        pk.Partnership(kind="mou", parties=())
    with pytest.raises(pk.RecordError, match=r"^parties: item 0: expected Party, got str"):
        pk.Partnership(kind="mou", parties=("HUST",))  # type: ignore[arg-type]


def test_partial_dates_order_chronologically_and_contain_finer_dates() -> None:
    d = pk.PartialDate.parse
    assert sorted([d("2021-04-27"), d("2011"), d("2021"), d("2021-04")]) == [
        d("2011"),
        d("2021"),
        d("2021-04"),
        d("2021-04-27"),
    ]
    assert d("2021").contains(d("2021-04-27"))
    assert d("2021-04").contains(d("2021-04"))
    assert not d("2021-04-27").contains(d("2021-04"))
    assert d("2021-04-27").overlaps(d("2021"))
    assert not d("2020").overlaps(d("2021"))
    assert pk.Partnership(kind="mou", parties=(pk.Party("A"),), date=dt.date(2021, 4, 27)).date == d("2021-04-27")
    assert pk.Partnership(kind="mou", parties=(pk.Party("A"),), date=2011).date == d("2011")


@given(pks.partial_dates(), pks.partial_dates())
def test_partial_date_order_is_total_and_consistent_with_containment(a: pk.PartialDate, b: pk.PartialDate) -> None:
    assert (a < b) + (b < a) + (a == b) == 1
    if a.contains(b) and a != b:
        assert a.first_day() <= b.first_day()
    assert pk.PartialDate.parse(str(a)) == a


@given(st.text(max_size=30))
def test_partial_date_parse_never_fails_with_anything_but_record_error(text: str) -> None:
    with contextlib.suppress(pk.RecordError):
        pk.PartialDate.parse(text)


def test_location_needs_a_city_or_a_country() -> None:
    assert str(pk.Location(city="Brussels", country="Belgium")) == "Brussels, BE"
    with pytest.raises(pk.RecordError, match="a location needs a city or a country"):
        pk.Location()


def test_evidence_retrieved_is_utc() -> None:
    ev = pk.Evidence(quote="q", retrieved="2021-05-03T10:00:00+03:00")
    assert ev.retrieved == dt.datetime(2021, 5, 3, 7, 0, tzinfo=dt.UTC)
    with pytest.raises(pk.RecordError, match=r"^retrieved: 'yesterday' is not an ISO date-time"):
        pk.Evidence(quote="q", retrieved="yesterday")


def test_errors_share_one_root() -> None:
    for cls in (pk.ConfigError, pk.RecordError, pk.SourceError, pk.PluginError):
        assert issubclass(cls, pk.PartnerkitError)
    assert str(pk.ConfigError("expected a URL", path="config.feed_url")) == "config.feed_url: expected a URL"
    err = pk.RecordError("country 'Rusia' is not an ISO 3166 country", row=12, locator="unis.csv")
    assert str(err) == "unis.csv row 12: country 'Rusia' is not an ISO 3166 country"
    assert str(pk.PluginError("boom", plugin="rss")) == "plugin 'rss': boom"
