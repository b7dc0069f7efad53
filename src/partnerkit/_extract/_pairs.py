"""The pair in play ("the two universities", "les deux établissements"): whether a sentence's
first reference is to it, whether it is a side pair met in passing, the two organisations a
sentence names by their places, and sentences (all memberships) where a member and its network
make no pair.
"""

from __future__ import annotations

from collections.abc import Sequence

from partnerkit._extract._document import Document
from partnerkit._extract._entities import Found
from partnerkit._extract._parties import party
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._model import Partnership, PartnershipKind
from partnerkit._names import fold

__all__ = ["co_members", "framed", "pair_leads", "places_as_pair", "side_deal", "side_pair"]

K = PartnershipKind


def pair_leads(mentions: list[Found], explicit: list[int]) -> bool:
    """True when the sentence's first reference is to the pair ("Les deux établissements sont membres de X")."""
    first = next((m for m in mentions if m.kind == "pair" or m.entity in explicit), None)
    return first is not None and first.kind == "pair"


def side_pair(
    doc: Document, pair: tuple[int, int] | None, text_pair: tuple[int, int], records: Sequence[Partnership] = ()
) -> bool:
    """True when the pair in play is a side one: one of it is named in one sentence only (a third
    university met in passing: "Côté béninois, l'UAC a signé ... avec l'Université Laval"), while
    one of the text's own pair is named in several. A text whose shared organisation already has
    three or more partners in the ``records`` (a president's trip signing with one university after
    another) has no pair of its own: its last pair is no side one."""
    if pair is None or set(pair) == set(text_pair):
        return False
    seen: dict[int, set[int]] = {}
    for m in doc.mentions:
        if m.entity is not None:
            seen.setdefault(m.entity, set()).add(m.sentence)
    if not (
        any(len(seen.get(e, ())) == 1 and e not in text_pair for e in pair)
        and any(len(seen.get(e, ())) > 1 for e in text_pair)
    ):
        return False
    shared = set(pair) & set(text_pair)
    if len(shared) != 1:
        return True
    name = party(doc, shared.pop())
    partners = {
        p
        for r in records
        if r.kind is not K.MEMBERSHIP and len(r.parties) == 2 and name in r.parties
        for p in r.parties
    }
    return len(partners - {name}) < 3


def side_deal(
    doc: Document,
    deal: list[int],
    pair: tuple[int, int] | None,
    text_pair: tuple[int, int],
    records: Sequence[Partnership] = (),
) -> bool:
    """True when the document recorded last is a side deal (with a third organisation met in
    passing) while the pair in play is the text's own: "Under the agreement signed this week, the
    universities will ..." after a paragraph on a lapsed exchange with that third one means the
    text's pair, not the side deal's parties."""
    return (
        pair is not None
        and set(pair) == set(text_pair)
        and len(deal) == 2
        and side_pair(doc, (deal[0], deal[1]), text_pair, records)
    )


def places_as_pair(doc: Document, si: int) -> tuple[int, int] | None:
    """The two organisations a sentence names by their places ("between Karlsruhe and Strasbourg"
    beside "the two universities"): each place a word (or a word's stem: "Karlsruher") of one
    organisation's name only, and exactly two such places."""
    places = doc.places.get(si) or []
    if len(places) != 2:
        return None
    got: list[int] = []
    for p in places:
        word = fold(doc.clean.text[p.start : p.end]).lower()
        owners = {
            e.id
            for e in doc.entities.values()
            if e.kind == "org"
            and any(w.startswith(word) and len(w) - len(word) <= 2 for n in e.names for w in fold(n).lower().split())
        }
        if len(owners) != 1:
            return None
        got.append(owners.pop())
    return (got[0], got[1]) if got[0] != got[1] else None


def framed(triggers: list[_Trigger]) -> bool:
    """True when a sentence's statements are all memberships: a member and its network are no
    pair of partners ("the two universities" later means a bilateral pair, not X and its association)."""
    return bool(triggers) and all(t.kind is K.MEMBERSHIP for t in triggers)


def co_members(doc: Document, si: int, explicit: list[int], records: Sequence[Partnership]) -> tuple[int, int] | None:
    """The two members of one network that a sentence of memberships names, the first of them
    before the network ("A is a member of X, as is B", "A and B belong to X"; not "X admitted two
    new members, A and B"): a later "the two universities" means A and B (``records`` are the
    sentence's)."""
    members = {r.parties[0] for r in records if r.kind is K.MEMBERSHIP and len(r.parties) == 2}
    networks = {r.parties[1] for r in records if r.kind is K.MEMBERSHIP and len(r.parties) == 2}
    if len(members) != 2 or len(networks) != 1:
        return None
    got = [e for e in explicit if party(doc, e) in members]
    if len(got) != 2:
        return None
    first: dict[int, int] = {}
    for m in doc.in_sentence(si):
        if m.entity is not None:
            first.setdefault(m.entity, m.start)
    net = next((first[e] for e in first if party(doc, e) in networks), None)
    if net is None or min(first.get(got[0], net), first.get(got[1], net)) >= net:
        return None
    return (got[0], got[1])
