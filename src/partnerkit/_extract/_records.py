"""Records built apart from a plain statement: memberships, offices (one per place) and a
document whose signatories the next sentence names."""

from __future__ import annotations

import itertools
import re

import attrs

from partnerkit._extract._cues import marked as _marked
from partnerkit._extract._document import Document
from partnerkit._extract._parties import about_subject as _about_subject
from partnerkit._extract._parties import apposed_membership
from partnerkit._extract._parties import excluded as _excluded
from partnerkit._extract._parties import party as _party
from partnerkit._extract._parties import subject as _subject
from partnerkit._extract._places import Place
from partnerkit._extract._places_status import clause_status as _clause_status
from partnerkit._extract._places_status import place_statuses as _place_statuses
from partnerkit._extract._roles import PRONOUN_FIRST as _PRONOUN_FIRST
from partnerkit._extract._roles import owner_named
from partnerkit._extract._roles import pronoun_lead as _pronoun_lead
from partnerkit._extract._signatories import signatories_of
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._tidy import locations as _locations
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._extract._triggers import status as _status
from partnerkit._extract._triggers import triggers as _triggers
from partnerkit._extract._when import dates_in, same_paragraph
from partnerkit._model import Evidence, PartialDate, Partnership, PartnershipKind, Status

__all__ = ["Pending", "apposed_memberships", "hosts_named_next", "membership", "offices", "signed_later"]

K = PartnershipKind


Pending = tuple[int, _Trigger, Status, PartialDate | None]
# stems of the words that say a name is a network, alliance or association
_NETWORK_STEMS = (
    r"associa|asociaci|network|alliance|alianza|allianz|union|consorti|league|guild|federation|netzwerk|verbund|"
    r"réseau|ассоциац|союз|альянс|联盟|协会"
)
# an organisation named as a network (its name holds one of the stems, "group", "red", "сет...")
_ORG_WORD = re.compile(rf"{_NETWORK_STEMS}|group|red\b|сет", re.I)
# a network named by a common noun after a membership trigger ("joined the association")
_NETWORK_NOUN = re.compile(rf"{_NETWORK_STEMS}|\bred\b|сет[иьюей]|консорциум|联合会", re.I)
# "tout comme X", "as is X": X shares what was said of the subject (a membership)
_ALIKE = re.compile(
    r"(?:tout comme|de même que|al igual que|ebenso wie|genauso wie|just like|as (?:is|are|does|do)|как и"
    r"|together with|along with|alongside|junto (?:con|a)|zusammen mit|вместе с)"
    r"\s+(?:l['’]|la |le |les |el |los |die |der |the )?$",
    re.IGNORECASE,
)
# the next of a list after a co-member ("together with A and Kenya's B", "junto con A y B")
_ALIKE_NEXT = re.compile(
    r"\s*(?:,\s*(?:and\s+|y\s+|und\s+|et\s+|и\s+)?|\s(?:and|y|und|et|и)\s+)"
    r"(?:[A-Z][\w-]*['’]s\s+)?(?:l['’]|la |le |les |el |los |die |der |the )?$"
)
# a relative clause naming a network's other members ("X, which also includes A and B")
_ITS_MEMBERS = re.compile(
    r",\s*(?:which (?:also )?(?:includes?|counts?|brings together|groups)|whose (?:other )?members (?:also )?include"
    r"|to which (?:\w+ ){0,3}(?:also )?belongs?|zu (?:der|dem|denen) (?:auch )?"
    r"|(?:que|la cual|el cual) (?:también )?(?:integran|incluye|agrupa|re[úu]ne)"
    r"|(?:a la|al) que (?:también )?pertenecen?|(?:de la|del) que (?:también )?forman? parte"
    r"|(?:qui|laquelle) (?:regroupe|r[ée]unit|compte|inclut)|dont (?:font|fait) (?:également |aussi )?partie"
    r"|в (?:который|которую|которое|которые) (?:также )?(?:входят|входит|вошли|вошёл|вошла)"
    r"|куда (?:также )?(?:входят|входит|вошли|вошёл|вошла)"
    r"|(?:членом|членами) (?:которой|которого) (?:также )?(?:является|являются)"
    r"|di cui (?:fanno|fa) (?:anche )?parte"
    # the member named inside the clause: "X, dont A est membre", "X, da qual A também é membro"
    r"|(?:dont|di cui|della quale|del quale|da qual|do qual|de la que|del que|de la cual|del cual"
    r"|(?:членом|членами) (?:которой|которого|которых))"
    r"(?=[^;.]{1,80}?\b(?P<told>(?:est|sont|è|sono|é|são|es|son) (?:également |aussi |anche |também |también )?"
    r"(?:membr|miembr|soci)|явля(?:ется|ются))))",
    re.IGNORECASE,
)
# a coordination that goes back from a relative clause to the main one ("X, qui réunit A et B, ainsi que de Y")
_BACK_TO_MAIN = re.compile(r",\s*(?:ainsi que|as well as|así como|sowie|nonché|bem como|а также)(?!\w)", re.IGNORECASE)
_PLURAL_END = re.compile(r"\w*(?:[a-zé]s|x)(?!\w)")  # "networks", "associations", "réseaux"
# a name that may be the one association a text means ("joined the association in 2019")
_ASSOCIATION_NAME = re.compile(r"associa|asocia|agen|network|union|alliance|consorti", re.I)
_ORG_BACK = re.compile(
    r"\s*(?:the|this|that|its|la|el|le|cette|die|der|dieser|этой|этого)\s+(?:network|association|alliance|consortium|league|"
    r"group|union|red|alianza|asociación|réseau|alliance|netzwerk|allianz|verbund|сети|ассоциации|альянса)\b"
    r"(?!\s+(?:of|de|des|du|der|für)\s+[A-ZÀ-ÝА-ЯЁ])"
    r"|(?:该|此|这一|上述)(?:联盟|协会|网络|联合会|组织)",  # "加入该联盟": the alliance named before
)  # case-sensitive: "the network" points back; "the Association of African Universities" is a name
# Two subjects joined by "and" ("A and the University of B", "A y la Universidad de B", "A и B").
_COORDINATED = re.compile(
    r"\s*(?:,|and|as well as|y|e|et|und|и|а также|和|与|及)\s*(?:the |la |el |las |los |le |les |l['’]|die |der )?",
    re.I,
)
# "joined the latter", "a rejoint cette dernière": the last network named before, in the sentence
_LATTER = re.compile(
    r"\s*(?:the latter|cette dernière|ce dernier|esta última|este último|quest['’]ultim[ao]|letztere[mnrs]?)\b", re.I
)
# "A and B are members of X and Y, respectively": the n-th member belongs to the n-th network
_RESPECTIVELY = re.compile(
    r"\b(?:respectively|respectivement|respectivamente|rispettivamente|соответственно)\b|分别为|分别是", re.I
)
_EACH = re.compile(
    r"\b(?:both|each|respectively|ambas|ambos|cada una|cada uno|les deux|chacune|chacun|beide|jeweils|оба|обе|"
    r"каждый|каждая|каждое)\b|各自|分别",
    re.I,
)
_PLURAL_OFFICES = re.compile(
    r"\b(?:offices|campuses|branches|outposts|oficinas|sedes|bureaux|antennes|büros|niederlassungen|филиалы|"
    r"представительства|филиалов|представительств)\b",
    re.I,
)
_JOINT = re.compile(r"\b(?:joint|shared|conjunt[oa]s?|commune?s?|gemeinsame\w*|совместн\w+)\b|联合|共同", re.I)
_LATER_CLAUSE = re.compile(
    r",?\s(?:after|when|once|because|following|before|while|nachdem|als|weil|después de que|cuando|porque|"
    r"après que|lorsque|parce que|после того как|когда|потому что)\s",
    re.I,
)


def signed_later(  # noqa: PLR0917
    doc: Document, si: int, pending: Pending, explicit: list[int], out: list[Partnership], set_up: list[_Trigger]
) -> list[int]:
    """Record a document stated without parties when sentence ``si`` names its signatories.

    What the document sets up in its own sentence (recorded there with one side only) takes
    the same parties. Returns the parties, or [] when ``si`` does not name them.
    """
    psi, trig, status, date = pending
    if psi != si - 1 or not same_paragraph(doc, psi, si):
        return []
    parties = signatories_of(doc, si, explicit)
    if not parties:
        return []
    first = doc.sentences[psi].text
    ev = (Evidence(quote=first, published=None), Evidence(quote=doc.sentences[si].text, published=None))
    group = tuple(_party(doc, p) for p in parties)
    done: set[PartnershipKind] = set()
    for i, rec in enumerate(out):
        if rec.kind not in _DOCUMENTS and len(rec.parties) == 1 and rec.evidence[0].quote == first:
            out[i] = attrs.evolve(rec, parties=group)
            done.add(rec.kind)
    cue = doc.lex.refs.get("setup")
    for t in set_up:
        if t.kind in done or t.kind in _DOCUMENTS or t.kind is K.MEMBERSHIP or t.start < trig.end or cue is None:
            continue
        if cue.search(first, trig.end, t.end) is not None:
            st = Status.ACTIVE if _status(doc, psi, t, t.kind) is Status.ACTIVE else Status.PLANNED
            out.append(Partnership(kind=t.kind, parties=group, status=st, date=date, evidence=ev))
    out.append(Partnership(kind=trig.kind, parties=group, status=status, date=date, evidence=ev))
    return parties


def _first(doc: Document, si: int, entity: int) -> int:
    """Where ``entity`` is first named in sentence ``si`` (document offsets)."""
    return min(m.start for m in doc.in_sentence(si) if m.entity == entity)


def _network_before(doc: Document, pos: int) -> list[int]:
    """The last network, association or alliance named before ``pos`` (as a one-item list)."""
    earlier = [
        m.entity
        for m in doc.mentions
        if m.entity is not None
        and m.end <= pos
        and doc.entities[m.entity].kind == "org"
        and _ORG_WORD.search(" ".join(doc.entities[m.entity].names))
    ]
    return earlier[-1:]


def membership(  # noqa: PLR0917
    doc: Document,
    si: int,
    trig: _Trigger,
    explicit: list[int],
    status: Status,
    date: PartialDate | None,
    ev: Evidence,
    pair: tuple[int, int] | None = None,
    published: PartialDate | None = None,
    span: tuple[int, int] | None = None,
) -> list[Partnership]:
    """The memberships a membership trigger states; with ``span`` (sentence offsets), only
    those of that clause ("X is a member of A, and Y belongs to B")."""
    sent = doc.sentences[si]
    pos = sent.start + trig.end
    semi = sent.text.find(";", trig.end)
    if ":" in sent.text[trig.end : max(semi, 0)]:
        semi = -1  # "are members: A; B and C": a list, not a new clause
    found = [
        m
        for m in doc.in_sentence(si)
        if (span is None or (span[0] <= m.start - sent.start and m.end - sent.start <= span[1]))
        and not (m.start > pos and _excluded(doc, sent.start, sent.text, m, network=True))  # "seat at X"
        and not (semi >= 0 and m.start > sent.start + semi)  # "members of X; with Y they negotiate ..."
    ]
    # a name the trigger runs into ("forman parte de la red CINDA") comes after it
    before = [m.entity for m in found if m.entity is not None and m.end <= pos]
    after = [m.entity for m in found if m.entity is not None and m.end > pos]
    before = [e for e in dict.fromkeys(before) if doc.entities[e].kind == "org"]
    after = [e for e in dict.fromkeys(after) if doc.entities[e].kind == "org"]
    listed: list[int] = []
    own_date: dict[int, PartialDate | None] = {}  # "- League of European Research Universities, since 2002"
    if sent.ends_with_colon:
        for nxt in doc.sentences[si + 1 :]:
            if not nxt.bullet:
                break
            here = [m.entity for m in doc.in_sentence(nxt.index) if m.entity is not None]
            listed.extend(here)
            hits = dates_in(doc, nxt.text, published) if here else []
            if hits:
                own_date.setdefault(here[0], hits[0].date)
        listed = [e for e in dict.fromkeys(listed) if doc.entities[e].kind == "org"]
    members, orgs = before, [e for e in after if e not in before]  # ("A and B belong to X, which A left")
    if members and orgs:
        # "X est membre de A, tout comme l'ULB", "X is a member of A, as is Y": Y is a member too
        text = doc.clean.text
        alike = [
            e
            for e in orgs
            if any(_ALIKE.search(text, max(sent.start, m.start - 24), m.start) for m in found if m.entity == e)
        ]
        if alike:  # "together with A and B": B too
            ends = [m.end for m in found if m.entity in alike]
            for m in found:
                if m.entity in orgs and m.entity not in alike and ends and m.start > min(ends):
                    gap_from = max((e for e in ends if e <= m.start), default=None)
                    if gap_from is not None and _ALIKE_NEXT.fullmatch(text, gap_from, m.start):
                        alike.append(m.entity)
                        ends.append(m.end)
        if alike and len(alike) < len(orgs):
            members, orgs = [*members, *alike], [o for o in orgs if o not in alike]
    trig_at = sent.start + trig.start
    inside = [m.entity for m in found if m.entity is not None and trig_at <= m.start and m.end <= pos]
    if inside:  # "浙江大学是环太平洋大学联盟成员": the networks are named inside the trigger, the member before it
        orgs = [e for e in dict.fromkeys(inside) if doc.entities[e].kind == "org"]
        named_before = {m.entity for m in found if m.end <= trig_at}
        members = [e for e in before if e not in orgs and e in named_before]
    if _LATTER.match(sent.text, trig.end):  # "A and B belong to X and Y; A joined the latter in 2019": Y
        # (the last organisation named before the clause; in a clause of its own, the last one before
        # the trigger after its subject: "A is a member of X and Y and joined the latter")
        whole = [m.entity for m in doc.in_sentence(si) if m.entity is not None and m.end <= trig_at]
        earlier = [
            m.entity for m in doc.in_sentence(si) if m.entity is not None and span and m.end <= sent.start + span[0]
        ]
        latter = earlier[-1:] if earlier else whole[1:][-1:]
        if latter:
            orgs, members = latter, [e for e in members if e not in latter and e not in earlier] or members
    back = _ORG_BACK.match(sent.text, trig.end)
    if back is not None:  # "a member of the network": the organisation named before
        orgs = _network_before(doc, sent.start) or orgs
    welcome = doc.lex.refs.get("welcome")
    if welcome is not None and welcome.match(sent.text, trig.start) and after:
        if before:
            members, orgs = after, before[:1]  # "X welcomed four new members: A, B, ...": X is the organisation
        elif earlier := _network_before(doc, sent.start):
            members, orgs = after, earlier  # "Its members already include A, B and C": the network named before
    colon = sent.text.find(":", trig.end)
    if colon > 0 and not listed:
        inline = [m.entity for m in found if m.entity is not None and m.start > sent.start + colon]
        if inline and not members:
            members = list(dict.fromkeys(inline))
            orgs = [o for o in orgs if o not in members]
    if listed:
        if members and not orgs:
            orgs = listed
        elif not members:
            members = listed
    if not members and pair is not None and any(m.kind == "pair" and m.start < pos for m in doc.in_sentence(si)):
        members = [e for e in pair if e not in orgs]  # "Both institutions are members of X"
    if not members and span is not None and span[0] > 0:
        # "X是A成员，也是B成员之一", "X is a member of A, and belongs to B": the subject of the first clause
        # (named before the sentence's first trigger: "It is a member of A, ..., and belongs to B"
        # has no named subject, and then "It" is the text's subject, not A)
        lead = min((t.start for t in _triggers(doc, si)), default=span[0])
        first = next(
            (m.entity for m in doc.in_sentence(si) if m.entity is not None and m.start - sent.start < lead), None
        )
        if first is None and _PRONOUN_FIRST.match(sent.text):
            first = _pronoun_lead(doc, si)
            if first is None:
                first = _subject(doc, set(), sent.start)
        if first is not None and first not in orgs and doc.entities[first].kind == "org":
            members = [first]
    if not members and (it := _pronoun_lead(doc, si)) is not None and it not in orgs:
        members = [it]  # "X, founded in 1970, is Kenya's oldest university. It is a member of A": X
    if not members and (about := _about_subject(doc, sent.start)) is not None and about not in orgs:
        members = [about]  # "About X. ... It is a member of A": X, whoever the text's publisher is
    if not members and doc.publisher is not None:
        members = [doc.publisher]
    prior = doc.lex.refs.get("prior")
    cue = prior.search(sent.text, trig.end) if prior is not None and orgs else None
    if cue is not None and sent.text[: cue.start()].rstrip().endswith(","):
        # "the third member of the network, after A and B": A and B were members before
        earlier_members = [e for e in after if e not in members and sent.start + cue.end() <= _first(doc, si, e)]
        if set(orgs) - set(earlier_members):
            orgs = [o for o in orgs if o not in earlier_members]
            members = [*members, *earlier_members]
            own_date.update(dict.fromkeys(earlier_members))  # (their own dates are not given)
    last = doc.lex.refs.get("joined_last")
    if not orgs and len(members) >= 2 and last is not None and last.fullmatch(sent.text, trig.start, trig.end):
        # a verb at the clause's end ("X ist dem Verband Y beigetreten"): the last name is the organisation
        orgs, members = members[-1:], members[:-1]
    elif not members and len(orgs) == 2 and last is not None:
        # the verb first, its subject and object after it ("Im Mai trat X dem Netzwerk Y bei")
        members, orgs = orgs[:1], orgs[1:]
    in_sentence = {m.entity for m in found}
    noun = _NETWORK_NOUN.search(sent.text, trig.start)
    # "members of large European networks": no one network meant
    plural = noun is not None and _PLURAL_END.match(sent.text, noun.start()) is not None
    if not orgs and not plural and (noun is not None or in_sentence & set(members)):
        # "joined the association in 2019", "Three institutions are members: A, B and C": the one
        # association of the text ("with engineering expected to join in 2025": none)
        assoc = [
            e.id
            for e in doc.entities.values()
            if e.kind == "org" and e.id not in members and _ASSOCIATION_NAME.search(" ".join(e.names))
        ]
        orgs = assoc[:1]
    pairs = [(member, org) for org in orgs for member in members]
    if len(members) == len(orgs) >= 2 and _RESPECTIVELY.search(sent.text, trig.end):
        pairs = list(zip(members, orgs, strict=True))  # "A and B belong to X and Y respectively": A to X, B to Y
    pair_date: dict[tuple[int, int], PartialDate | None] = {}  # (member, org): the date of its own clause
    rel = _ITS_MEMBERS.search(sent.text, trig.end) if len(orgs) > 1 else None
    if rel is not None:
        # "Mitglied der Allianz YUFE, zu der auch A und B gehören", "a member of X, which also
        # includes A and B": A and B are members of X, not networks the subject joined
        # the clause ends where another membership is told ("..., di cui fanno parte anche A e B, ed è
        # socia fondatrice di Y": Y is no member of X) or at a semicolon
        told = doc.lex.kinds.get(K.MEMBERSHIP)
        again = told.search(sent.text, rel.end("told") if rel.group("told") else rel.end()) if told else None
        back_to_main = _BACK_TO_MAIN.search(sent.text, rel.end())  # "X, qui réunit A, ainsi que de Y": the subject's Y
        ends = [
            e
            for e in (semi, again.start() if again else -1, back_to_main.start() if back_to_main else -1)
            if e > rel.end()
        ]
        rel_end = min(ends, default=len(sent.text))
        joined = [o for o in orgs if _first(doc, si, o) < sent.start + rel.start()]
        its = [o for o in orgs if sent.start + rel.end() <= _first(doc, si, o) < sent.start + rel_end]
        if joined and its:
            pairs = [(member, org) for org in joined for member in members]
            pairs += [(m, joined[-1]) for m in its]
            rest = [o for o in orgs if o not in joined and o not in its]
            pairs += [(member, o) for o in rest for member in members]
            later = dates_in(doc, sent.text[rel_end:], published)  # (a date of the clause after, or none)
            pair_date.update(dict.fromkeys(((m, o) for o in rest for m in members), later[0].date if later else None))
            # a date inside the clause is its members' ("dont A est membre depuis 2017"), not the subject's
            inner = dates_in(doc, sent.text[rel.end() : rel_end], published)
            for mi in its:
                pair_date[mi, joined[-1]] = inner[0].date if inner else None
            if inner and date == inner[0].date and not dates_in(doc, sent.text[: rel.start()], published):
                pair_date.update(dict.fromkeys((member, org) for org in joined for member in members))
    out = []
    for member, org in pairs:
        if member == org:
            continue
        out.append(
            Partnership(
                kind=K.MEMBERSHIP,
                parties=(_party(doc, member), _party(doc, org)),
                status=Status.ACTIVE if status in (Status.SIGNED, Status.ACTIVE) else status,
                date=pair_date[member, org]
                if (member, org) in pair_date
                else own_date.get(org, own_date.get(member, date)),
                evidence=(ev,),
            )
        )
    return out


def offices(  # noqa: PLR0917
    doc: Document,
    si: int,
    trig: _Trigger,
    parties: list[int],
    explicit: list[int],
    status: Status,
    date: PartialDate | None,
    ev: Evidence,
    used_next: set[int],
) -> list[Partnership]:
    sent = doc.sentences[si]
    # the mentions that reach into this sentence or the next (only they can hold a place of either)
    lo, hi = sent.start, doc.sentences[si + 1].end if si + 1 < len(doc.sentences) else sent.end
    spans = [(m.start, m.end) for m in doc.mentions if m.start < hi and m.end > lo]
    acronym_ends = {m.end for m in doc.in_sentence(si) if m.kind == "acronym"}
    # a place inside a name or right after an acronym ("IIT Madras") is part of the name
    places = [
        p
        for p in _not_envoys(doc, doc.places.get(si, []))
        if not any(a <= p.start and p.end <= b for a, b in spans) and p.start - 1 not in acronym_ends
    ]
    text = sent.text
    base = sent.start
    after = [p for p in places if p.start - base >= trig.start]
    if after and len(after) < len(places):
        places = after  # "between Tanzania and India, ... the campus of X in Zanzibar": the office's own place
    if not places and si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        nplaces = [
            p
            for p in _not_envoys(doc, doc.places.get(si + 1, []))
            if not any(a <= p.start and p.end <= b for a, b in spans)
        ]
        if nplaces and not doc.in_sentence(si + 1):
            places, text, base = nplaces, nxt.text, nxt.start
            ev = Evidence(quote=f"{sent.text} {nxt.text}", published=ev.published)
            used_next.add(si + 1)
            status = Status.ACTIVE if status is not Status.PLANNED else status
    # hosts: organisations the office sits at ("at X", "en la Universidad de X")
    hosted = doc.lex.refs.get("hosted")
    marked = {
        m.entity
        for m in doc.in_sentence(si)
        if m.entity is not None and _marked(hosted, doc.clean.text[sent.start : m.start])
    }
    owners = [p for p in parties if p not in marked]
    subject = _subject(doc, set(), sent.start)
    owner = owners[0] if owners else (subject if subject is not None else parties[0])
    # not one named in a later clause of time or reason ("..., after the Commission approved it")
    later = _LATER_CLAUSE.search(text, trig.end) if base == sent.start else None
    cut = sent.start + later.start() if later is not None else None
    late = {m.entity for m in doc.in_sentence(si) if cut is not None and m.start >= cut and m.entity not in marked}
    # nor the office's own name ("清华大学东南亚中心" of 清华大学: the office, not a host)
    own_names = doc.entities[owner].names
    hosts = [
        e
        for e in explicit
        if e != owner and e not in late and not any(n in x for n in own_names for x in doc.entities[e].names)
    ][:1]
    named = owner_named(doc, si, trig)
    if named is not None:  # "the campus of X": X owns it; only a marked host sits beside it
        owner, hosts = named, [e for e in explicit if e in marked and e != named][:1]
    groups = [[owner, *hosts]]
    if hosts and _each_owns(doc, si, trig, owner, hosts[0]):
        groups = [[owner], [hosts[0]]]  # "A and B have both announced plans for campuses in India"
    locs = _locations(places, doc.clean.text)
    if not locs:
        return [
            Partnership(
                kind=K.OFFICE, parties=tuple(_party(doc, p) for p in g), status=status, date=date, evidence=(ev,)
            )
            for g in groups
        ]
    out = []
    own = _place_statuses(doc, si, [pos - base for _, pos in locs], status) if base == sent.start else None
    dates = _place_dates(doc, text, [pos - base for _, pos in locs], ev.published) if len(locs) > 1 else []
    for g in groups:
        party_objs = tuple(_party(doc, p) for p in g)
        for k, (loc, pos) in enumerate(locs):
            st = _clause_status(doc, text, pos - base, own[k] if own else status)
            when = (dates[k] if dates else None) or date
            out.append(
                Partnership(kind=K.OFFICE, parties=party_objs, status=st, date=when, location=loc, evidence=(ev,))
            )
    return out


def _not_envoys(doc: Document, places: list[Place]) -> list[Place]:
    """The places that are no envoy's country: "opened by the ambassador of Chile in Spain" puts
    the office in Spain, not in Chile."""
    envoy = doc.lex.refs.get("envoy")
    if envoy is None:
        return places
    text = doc.clean.text
    return [p for p in places if not _marked(envoy, text[max(0, p.start - 40) : p.start])]


def _place_dates(
    doc: Document, text: str, positions: list[int], published: PartialDate | None
) -> list[PartialDate | None]:
    """The date written between each place of a multi-place office sentence and the next place
    ("a campus in Malaysia in 1998 and another in Indonesia in 2021"; "... in Berlin in 2024")."""
    hits = dates_in(doc, text, published)
    ends = [*positions[1:], len(text)]
    return [
        next((h.date for h in hits if pos < h.start and h.end <= end), None)
        for pos, end in zip(positions, ends, strict=True)
    ]


def _each_owns(doc: Document, si: int, trig: _Trigger, owner: int, host: int) -> bool:
    """Whether two subjects joined by "and" before an office phrase each run their own office:
    "both" / "each" or a plural office noun says so ("A and B have both announced plans for
    campuses"), unless the office is joint ("A and B will open a joint office")."""
    sent = doc.sentences[si]
    text = sent.text
    firsts: dict[int, tuple[int, int]] = {}
    for m in doc.in_sentence(si):
        if m.entity in (owner, host) and m.entity not in firsts:
            firsts[m.entity] = (m.start - sent.start, m.end - sent.start)
    if len(firsts) < 2:
        return False
    (_s1, e1), (s2, e2) = sorted(firsts.values())
    if e2 > trig.start or not _COORDINATED.fullmatch(text[e1:s2]):
        return False
    window = text[e2 : trig.end + 12]
    return bool(_EACH.search(window) or _PLURAL_OFFICES.search(text, trig.start, trig.end + 12)) and not _JOINT.search(
        text, e2, trig.end + 12
    )


# "... in the building of X, where the office will be located": the place named before the cue
_WHERE = re.compile(r"[^.;]{0,40}?,\s*(?:where|où|donde|en donde|wo|где)\s", re.IGNORECASE)


def hosts_named_next(doc: Document, out: list[Partnership], triggers: dict[int, list[_Trigger]]) -> None:
    """An office followed by a sentence that only says where it sits ("Новое представительство
    разместилось в главном корпусе X", "The office is located at X") gets X as its host."""
    cue = doc.lex.refs.get("located")
    if cue is None or not any(r.kind is K.OFFICE and len(r.parties) == 1 for r in out):
        return
    by_quote = {s.text: s.index for s in doc.sentences}
    for i, rec in enumerate(out):
        if rec.kind is not K.OFFICE or len(rec.parties) != 1 or len(rec.evidence) != 1:
            continue
        si = by_quote.get(rec.evidence[0].quote)
        if si is None or si + 1 >= len(doc.sentences) or triggers.get(si + 1) or not same_paragraph(doc, si, si + 1):
            continue
        nxt = doc.sentences[si + 1]
        m = cue.search(nxt.text)
        orgs = [x for x in doc.in_sentence(si + 1) if x.entity is not None and doc.entities[x.entity].kind == "org"]
        if m is None or not orgs:
            continue
        first = orgs[0].start - nxt.start
        if first < m.end() and not _WHERE.match(nxt.text, orgs[0].end - nxt.start, m.start()):
            continue  # the host must follow the cue, or be named before "where" it sits ("in X's building, where")
        if first > m.end() + 60:
            continue
        host = _party(doc, orgs[0].entity)  # type: ignore[arg-type]
        if host.name == rec.parties[0].name:
            continue
        ev = (*rec.evidence, Evidence(quote=nxt.text, published=rec.evidence[0].published))
        out[i] = attrs.evolve(rec, parties=(*rec.parties, host), evidence=ev)


# "an N member since 2015": the year the membership began
_MEMBER_SINCE = re.compile(r"\s+members?\s+since\s+(\d{4})\b", re.IGNORECASE)


def apposed_memberships(doc: Document, si: int, published: PartialDate | None) -> list[Partnership]:
    """Memberships told in an apposition: "the University of X, an N member since 2015, ..." is X's
    membership of N (dated by its "since" year), whatever the sentence's own deal."""
    sent = doc.sentences[si]
    text = sent.text
    if "member" not in text.lower():
        return []
    out: list[Partnership] = []
    orgs = [
        (m.entity, m.start - sent.start, m.end - sent.start)
        for m in doc.in_sentence(si)
        if m.entity is not None and doc.entities[m.entity].kind == "org"
    ]
    for (member, _s, prev_end), (network, start, end) in itertools.pairwise(orgs):
        if member == network or not apposed_membership(text, start, end):
            continue
        if text.count(",", prev_end, start) != 1:
            continue  # the member is the name right before the apposition's comma
        since = _MEMBER_SINCE.match(text, end)
        out.append(
            Partnership(
                kind=PartnershipKind.MEMBERSHIP,
                parties=(_party(doc, member), _party(doc, network)),
                status=Status.ACTIVE,
                date=PartialDate(int(since.group(1))) if since else None,
                evidence=(Evidence(quote=text, published=published),),
            )
        )
    return out
