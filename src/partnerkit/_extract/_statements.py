"""Partnership statements: trigger phrases, their parties, status, date and office location.

Each sentence is read for trigger phrases of the lexicon. Parties are the organisations the
sentence names (not those named only as context: "within the framework of", "close to"),
the publisher where the sentence names one side only, or the pair in play ("the two
universities"). Lists yield one record per listed organisation; an office named with
several places yields one office per place, each with the status of its own clause.
"""

from __future__ import annotations

import functools
import re

from partnerkit._extract._clause_dates import membership_clauses as _membership_clauses
from partnerkit._extract._clause_dates import statement_date as _statement_date
from partnerkit._extract._clauses import joins as _joins
from partnerkit._extract._cues import between_countries as _between_countries
from partnerkit._extract._cues import document_partner as _document_partner
from partnerkit._extract._cues import explicit_event as _explicit_event
from partnerkit._extract._cues import funded as _funded
from partnerkit._extract._cues import marked as _marked
from partnerkit._extract._cues import right_before as _right_before
from partnerkit._extract._cues import scoped as _scoped
from partnerkit._extract._cues import set_up_cue as _set_up_cue
from partnerkit._extract._document import Document
from partnerkit._extract._filters import celebrated as _celebrated
from partnerkit._extract._filters import countries_near as _countries_near
from partnerkit._extract._filters import describes_a_name as _describes_a_name
from partnerkit._extract._filters import inside_a_name as _inside_a_name
from partnerkit._extract._filters import refers_to_deal as _refers_to_deal
from partnerkit._extract._filters import unsigned_document_of as _unsigned_document_of
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._objects import called as _called
from partnerkit._extract._objects import named_before as _named_before
from partnerkit._extract._objects import named_objects as _named_objects
from partnerkit._extract._objects import objects as _objects
from partnerkit._extract._objects import set_up as _set_up
from partnerkit._extract._pairs import co_members as _co_members
from partnerkit._extract._pairs import framed as _framed
from partnerkit._extract._pairs import pair_leads as _pair_leads
from partnerkit._extract._pairs import places_as_pair as _places_as_pair
from partnerkit._extract._pairs import side_deal as _side_deal
from partnerkit._extract._pairs import side_pair as _side_pair
from partnerkit._extract._parties import about_subject as _about_subject
from partnerkit._extract._parties import between as _between
from partnerkit._extract._parties import clause_parties as _clause_parties
from partnerkit._extract._parties import excluded as _excluded
from partnerkit._extract._parties import group_parties as _group_parties
from partnerkit._extract._parties import names_none as _names_none
from partnerkit._extract._parties import office_owners as _office_owners
from partnerkit._extract._parties import own_partners as _own_partners
from partnerkit._extract._parties import pair_list as _pair_list
from partnerkit._extract._parties import party as _party
from partnerkit._extract._parties import subject as _subject
from partnerkit._extract._patterns._words import EVENT
from partnerkit._extract._records import Pending as _Pending
from partnerkit._extract._records import apposed_memberships as _apposed_memberships
from partnerkit._extract._records import hosts_named_next as _hosts_named_next
from partnerkit._extract._records import membership as _membership
from partnerkit._extract._records import offices as _offices
from partnerkit._extract._records import signed_later as _signed_later
from partnerkit._extract._roles import (
    PERSON_FIRST,
    SEVERAL_DOCS,
    date_the_deal,
    located_offices,
    lone_document,
    names_itself,
    refers_to_subject,
    with_list,
)
from partnerkit._extract._roles import (
    pronoun_lead as _pronoun_lead,
)
from partnerkit._extract._signatories import partners_listed_next, second_posts
from partnerkit._extract._starts import opened_next, start_dates
from partnerkit._extract._tables import listed_memberships
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._tidy import tidy as _tidy
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._extract._triggers import status as _status
from partnerkit._extract._triggers import triggers as _triggers
from partnerkit._extract._when import (
    body_date,
    date_after,
    date_for,
    during_date,
    event_date,
    is_event,
)
from partnerkit._model import Evidence, PartialDate, Partnership, PartnershipKind, Status

__all__ = ["find_partnerships"]

K = PartnershipKind
_SINGLE_OK = frozenset({K.OFFICE, K.CONSORTIUM, K.MEMBERSHIP})


_DEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:the|this|that)\s+$", re.IGNORECASE)  # "the dual degree": one named before
_SCOPE = frozenset({K.EXCHANGE, K.RESEARCH_PROJECT, K.JOINT_PROGRAMME})
_JOINT = frozenset({K.EXCHANGE, K.JOINT_PROGRAMME, K.DOUBLE_DEGREE, K.JOINT_LAB})
# "attended by X and the Y": what a conjunction joins to a context mention is context too
_CONJUNCT = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\s*(?:、|,?\s*(?:(?:and|or|y|e|et|und|и|или)\b|与|和))\s*(?:the\s+|la\s+|el\s+|l'|le\s+|die\s+|der\s+|dem\s+|des\s+)?$",
    re.I,
)


# "the University of Edinburgh, with which Wits has run ...": the partner of a relative clause
_WITH_WHICH = re.compile(
    r"(?:\s*\([^()]{1,20}\))?,?\s+(?:with which|with whom|con (?:la|el|las|los) (?:que|cual|cuales)|"
    r"avec (?:laquelle|lequel|lesquel(?:le)?s)|mit (?:der|dem|denen)|с (?:которым|которой))\b",
    re.I,
)


def _own_clause(doc: Document, si: int, trig: _Trigger, triggers: list[_Trigger], parties: list[int]) -> list[int]:
    """An office's owner and host come before the next statement of another kind in the
    sentence ("has campuses in A and B, and a joint centre with X": X is the centre's)."""
    cut = min((t.start for t in triggers if t.start > trig.end and t.kind is not trig.kind), default=None)
    if cut is None or not parties:
        return parties
    start = doc.sentences[si].start
    before = {m.entity for m in doc.in_sentence(si) if m.start - start < cut}
    if not before & set(parties):
        return []  # "X opens office and signs MoU with Y": Y is the MoU's partner, no office owner
    if len(parties) < 2:
        return parties
    return [p for i, p in enumerate(parties) if i == 0 or p in before]


def _members_named(doc: Document, text: str, out: list[Partnership], kind: PartnershipKind) -> list[int]:
    """The members of the consortium recorded last, when the sentence speaks of "its members"."""
    cue = doc.lex.refs.get("consortium_members")
    if cue is None or kind is K.CONSORTIUM or cue.search(text) is None:
        return []
    last = next((r for r in reversed(out) if r.kind is K.CONSORTIUM and len(r.parties) >= 2), None)
    if last is None:
        return []
    by_name = {doc.entities[e].best: e for e in doc.entities}
    got = [by_name.get(p.name) for p in last.parties]
    return [e for e in got if e is not None] if all(e is not None for e in got) else []


# a singular possessive right before a phrase ("its", "su", "son", "sein", "его")
_ITS = re.compile(r"(?<![\w-])(?:its|su|son|sa|sein(?:e[mnrs]?)?|его|её|ее)\s+$", re.IGNORECASE)
# at most an article between two phrases ("se suma a | la | oficina")
# Japanese names a document after what it is about ("共同学位プログラムに関する協定": an
# agreement on a joint degree programme)
_DOC_ABOUT = re.compile(r"(?:プログラム|課程|コース)?(?:に関する|についての|に係る)")
_ARTICLE_GAP = re.compile(r"\s*(?:[^\W\d_]{1,4}['’]?\s*)?")
# "another / a second / ein weiteres / otra / un autre office": one more office of an owner already met
_ANOTHER = re.compile(
    r"\b(?:another|second|third|further|additional|weitere[sr]?|zweite[sn]?|otra|segunda|tercera|autre|second(?:e)?|"
    r"deuxi[èe]me)\b",
    re.I,
)


_NETWORKS = frozenset([K.MEMBERSHIP, K.CONSORTIUM])


def _ends_in_event(name: str) -> bool:
    """The name's last word names an event ("the India-East Asia Academic Summit"; not the
    "Rectors Summit of Leading Universities", an association)."""
    words = name.split()
    return bool(words) and EVENT.fullmatch(words[-1].strip(".,")) is not None


def find_partnerships(doc: Document, published: PartialDate | None) -> list[Partnership]:
    out: list[Partnership] = []
    sents = doc.sentences
    all_triggers = {si: _triggers(doc, si) for si in range(len(sents))}
    objects = _objects(doc, all_triggers)
    named_objects = {si: found for si in range(len(sents)) if (found := _named_objects(doc, si))}
    # (a network so named stays a party: "X is a member of the network")
    objects.update(ent for got in named_objects.values() for ent, _p, k, _e in got if k is not K.CONSORTIUM)
    located_offices(doc, all_triggers, objects)
    text_subject = _subject(doc, objects)
    refs = doc.lex.refs
    partner_cue = refs.get("partner")
    since = doc.lex.dates.get("since_then")
    generic = refs.get("generic")
    anaphora = refs.get("anaphora")
    countries = refs.get("countries")
    pronoun = refs.get("pronoun")
    pair: tuple[int, int] | None = None
    text_pair: tuple[int, int] | None = None  # the first pair named by two names: the pair the text is about
    weak_pair_at = -1  # paragraph start of a pair inferred from one name ("the partnership with X"), or -1
    deal: list[int] = []  # the parties of the document most recently recorded
    deal_date: PartialDate | None = None
    pending: _Pending | None = None  # a document of the previous sentence still without its parties
    office_owner: int | None = None  # the owner of the last office recorded
    used_next: set[int] = set()
    for si, sent in enumerate(sents):
        text = sent.text
        about = _about_subject(doc, sent.start)  # "About X" boilerplate speaks of X
        subject = about if about is not None else text_subject
        publisher = about if about is not None else doc.publisher
        if about is None and (lead := _pronoun_lead(doc, si)) is not None:
            subject = publisher = lead  # "X, founded in 1970, is ... . It signed ...": X
        mentions = doc.in_sentence(si)
        out.extend(_apposed_memberships(doc, si, published))  # "X, an N member since 2015, ..."
        explicit: list[int] = []
        marked: set[int] = set()
        aside_end = -1  # end of the last mention named as context: its conjuncts are context too
        aside: set[int] = set()  # entities named as context ("financiado por la Agencia X (AX)")
        for m in mentions:
            if m.entity is None or m.kind == "pair" or m.entity in objects:
                continue
            ent = doc.entities[m.entity]
            if ent.kind != "org":
                continue
            if _ends_in_event(ent.best) and not any(t.kind in _NETWORKS for t in all_triggers[si]):
                continue  # "signed MoUs on the second day of the X Academic Summit": the event signs nothing
            if (
                (
                    _excluded(doc, sent.start, text, m)
                    and not _document_partner(partner_cue, all_triggers[si], text, m.start - sent.start)
                )
                or (aside_end >= 0 and _CONJUNCT.match(text, aside_end, m.start - sent.start))
                or (m.entity in aside and m.entity not in explicit)
            ):
                aside_end = m.end - sent.start
                aside.add(m.entity)
                continue
            if all_triggers[si] and (
                _marked(partner_cue, text[: m.start - sent.start]) or _WITH_WHICH.match(text, m.end - sent.start)
            ):  # (only read by triggers)
                marked.add(m.entity)  # "with X", "X, with which Y has run an exchange"
            if m.entity not in explicit:
                explicit.append(m.entity)
        posts = second_posts(doc, si)
        explicit = [e for e in explicit if e not in posts]
        between = _between(doc, si, objects)
        if between:
            explicit = between
        listed_at, listed = _pair_list(doc, si, objects)
        has_pair = any(m.kind == "pair" for m in mentions)
        para = doc.clean.text.rfind("\n", 0, sent.start) + 1
        if (
            has_pair
            and text_pair is not None
            and (0 <= weak_pair_at != para or (sent.start == para and _side_pair(doc, pair, text_pair, out)))
            and _pair_leads(mentions, explicit)
        ):
            # "Les deux établissements sont membres de X" opening a paragraph after one on a partnership
            # with a third university: the pair the text is about, not the subject and that third one
            pair, weak_pair_at = text_pair, -1
        if has_pair and (by_place := _places_as_pair(doc, si)) is not None:
            pair, weak_pair_at = (
                by_place,
                -1,
            )  # "the cooperation between Karlsruhe and Strasbourg: the two universities ..."
        triggers = [] if si in used_next else all_triggers[si]
        if cues := {at for _n, _p, _k, at in named_objects.get(si, ()) if at}:
            # "The X Centre is run jointly by A, B and C": the body's own record, not a programme of each
            triggers = [t for t in triggers if t.end not in cues]
        if pending is not None and not any(t.kind in _DOCUMENTS for t in triggers):
            got = _signed_later(doc, si, pending, explicit, out, all_triggers[pending[0]])
            if got:
                deal, deal_date = got, pending[3]
            elif named_next := partners_listed_next(doc, si, pending, explicit):
                out.extend(named_next)  # "... with five universities. The five partners are A, B and C."
        pending = None
        n_before = len(out)
        low = doc.low(si)
        refers_to_deal = _refers_to_deal(anaphora, low, text, triggers)
        for trig in triggers:
            kind = trig.kind
            status = _status(doc, si, trig, kind)
            if status is None:
                continue
            if status is Status.SIGNED and kind not in _DOCUMENTS and kind is not K.EXCHANGE:
                # "signed an agreement on the establishment of the X Centre": set up, not yet running
                after_doc = any(
                    t.kind in _DOCUMENTS
                    and (t.end <= trig.start or _DOC_ABOUT.fullmatch(text, trig.end, t.start) is not None)
                    for t in triggers
                )
                status = Status.PLANNED if after_doc else Status.ACTIVE
            if _countries_near(doc, si, trig, countries) and (kind not in _DOCUMENTS or len(explicit) < 2):
                continue
            if _between_countries(doc, si, trig):
                continue  # "the strategic partnership between Tanzania and India"
            if kind is K.CONSORTIUM and (
                names_itself(doc, si, trig, explicit)
                or (any(t.kind is K.MEMBERSHIP for t in triggers) and _inside_a_name(doc, si, trig.start, trig.end))
                or _describes_a_name(doc, si, trig)
            ):
                continue  # "the Central Asian Network ... held a meeting", "是环太平洋大学联盟成员": a name
            if kind in _DOCUMENTS and _unsigned_document_of(doc, si, trig, triggers):
                continue  # "negotiating a double degree; the agreement is not signed yet": that one deal
            if kind in (K.EXCHANGE, K.JOINT_PROGRAMME, K.RESEARCH_PROJECT) and _funded(refs, text, trig.start):
                continue  # "a network which has funded student mobility within the programme": a funder's object
            if kind is K.MEMBERSHIP and (
                _right_before(refs.get("people"), text, trig.start) or PERSON_FIRST.match(text) is not None
            ):
                continue  # "several BIT grads have joined the faculty", "Professor from X joins Y": people
            if kind is K.MEMBERSHIP and any(
                t.kind is K.OFFICE and _ARTICLE_GAP.fullmatch(text, trig.end, t.start) for t in triggers
            ):
                continue  # "la nueva sede se suma a la oficina que X mantiene en Y": what joins is an office
            if (
                kind is K.EXCHANGE
                and any(t.kind is K.MEMBERSHIP and t.end <= trig.start for t in triggers)
                and _ITS.search(text, max(0, trig.start - 12), trig.start) is not None
            ):
                continue  # "Both are members of X and take part in its mobility programme": X's, not a bilateral one
            existing = _right_before(refs.get("existing"), text, trig.start)
            if existing and status is not Status.ENDED:
                status = Status.ACTIVE  # "to strengthen the flagship partnership": one already running
            # (the date and the evidence are read once the statement makes a record, before it does)
            dated = functools.partial(
                _statement_date,
                doc,
                si,
                trig,
                triggers,
                all_triggers=all_triggers,
                existing=existing,
                status=status,
                out=out,
                published=published,
            )
            is_generic = bool(generic and may_match(generic, low) and generic.search(text))
            near = text[max(0, trig.start - 20) : trig.end + 5]
            is_anaphora = refers_to_deal and anaphora is not None and anaphora.search(near) is not None
            if kind in _DOCUMENTS and deal and _celebrated(text, trig):
                continue  # "to mark the twentieth anniversary of the first agreement": the recorded one, celebrated
            if is_anaphora and kind in _DOCUMENTS and deal:
                when = date_after(doc, text, trig, published) if status is Status.SIGNED else None
                if when is not None and (len(explicit) < 2 or not set(explicit).isdisjoint(deal)):
                    # (not "A and B renewed the agreement they have had since 2015": A and B's, not the deal's)
                    date_the_deal(doc, out, deal, when, _party, published)  # "The agreement was signed on Tuesday"
                continue  # "the agreement", "该协议": the deal already recorded
            if (
                kind in _SCOPE
                and (refers_to_deal or (not explicit and _scoped(doc, text, trig)))
                and not _set_up_cue(doc, text, trig)
            ):
                continue  # the scope of a document ("to promote exchange ... and joint research")
            if kind is K.MEMBERSHIP:
                clauses = _membership_clauses(doc, si, trig, triggers)
                date = dated() if existing or any(c is None for _t, c in clauses) else None
                evidence = Evidence(quote=text, published=published)
                for t, clause in clauses:
                    st = status if t is trig else _status(doc, si, t, kind)
                    if st is None:
                        continue
                    when = date
                    if clause is not None and not existing:  # the date written in its own clause
                        own = " " * clause[0] + text[clause[0] : clause[1]] + " " * (len(text) - clause[1])
                        when = date_for(doc, own, t, published)
                    when = when or (None if existing else body_date(doc, si, published))  # "La asamblea aprobó"
                    here = _co_members(doc, si, explicit, out[n_before:]) or pair  # ("A is a member of X, as is B,
                    # and the two universities belong to Y": A and B)
                    out.extend(_membership(doc, si, t, explicit, st, when, evidence, here, published, clause))
                continue
            whole = False  # (one record of all the parties, as they act together)
            of_deal = False  # (a statement of what a recorded document sets up: its date if none of its own)
            parties = (
                _clause_parties(doc, si, trig, explicit, triggers)
                if len(explicit) > 2 or (len(explicit) == 2 and len(triggers) > 1 and _joins(text))
                else list(explicit)
            )
            parties = _own_partners(doc, si, trig, triggers, parties)
            if kind is K.CONSORTIUM:
                parties = [p for p in parties if p not in _called(doc, si, trig)]
                if len(others := [p for p in parties if p != _named_before(doc, si, trig)]) >= 2:
                    parties = others  # "the DIGITEACH consortium: A, B and C": its name is no member
            if pair is not None and kind is not K.OFFICE and _names_none(doc, si, trig, triggers, parties):
                parties = list(pair)  # "... Mitglieder von X; über einen Doppelmaster wird verhandelt": the pair's
            if subject is not None and subject not in parties and with_list(doc, si, trig, parties, status):
                parties = [subject, *parties]  # "talks on cooperation with X, Y": each with the subject
            if (
                refers_to_deal
                and kind not in _DOCUMENTS
                and deal
                and set(parties) <= set(deal)
                and not (
                    has_pair and not parties and text_pair is not None and _side_deal(doc, deal, pair, text_pair, out)
                )
            ):
                parties = list(deal)  # what a recorded document sets up belongs to its parties
                of_deal = True
            elif not parties and (consortium := _members_named(doc, text, out, kind)):
                parties = consortium  # "the consortium members will launch a joint master's programme"
                whole = True
            elif (
                not parties
                and kind is K.OFFICE
                and office_owner is not None
                and _ANOTHER.search(text, trig.start, trig.end)
            ):
                parties = [office_owner]  # "A second office, in Nairobi, is planned for 2026": the last office's owner
            elif not parties:
                if (
                    (has_pair and pair is not None)
                    or (
                        si > 0
                        and pair is not None
                        and since is not None
                        and may_match(since, low)
                        and since.search(text)
                    )
                    or (pair is not None and kind in _JOINT and pronoun is not None and pronoun.match(text))
                ):  # ("It includes a student exchange programme": the deal of the pair in play)
                    parties = list(pair)
                elif publisher is not None and (
                    kind in _SINGLE_OK or any(m.kind == "publisher" for m in mentions) or status is Status.PLANNED
                ):
                    parties = [publisher]
                elif subject is not None and kind in _SINGLE_OK and refers_to_subject(doc, text, trig.start):
                    parties = [subject]  # "The university / It has an office in X" (no publisher given)
                elif not is_generic and lone_document(doc, si, trig, status, subject, deal):
                    # the pair in play ("X and Y launched a programme ... under an agreement signed
                    # in 2021"), else the subject alone
                    parties, is_anaphora = (list(pair) if pair is not None else [subject]), False  # type: ignore[list-item]
                elif (
                    pair is not None
                    and kind in _JOINT
                    and not (is_generic or existing)
                    and _right_before(refs.get("own"), text, trig.start)
                ):
                    parties = list(pair)  # "Our joint laboratory has grown since it opened in 2018"
            elif (
                len(parties) == 1
                and pair is not None
                and parties[0] in pair
                and (has_pair or kind in _JOINT)
                and not (is_generic or existing)
            ):
                if not has_pair and _DEFINITE_BEFORE.search(text, max(0, trig.start - 5), trig.start) is not None:
                    lone = _party(doc, parties[0])
                    if any(r.kind is kind and lone in r.parties for r in out):
                        continue  # "Further details on the dual degree ...": the one recorded, not the pair in play's
                # "The two institutions are negotiating ..., said the rector of X", "'Our joint
                # laboratory ...,' said X's president": a joint object of the pair in play
                parties = list(pair)
            elif len(parties) == 1 and kind is not K.OFFICE:
                other = publisher
                if other is None and parties[0] in marked:
                    other = subject
                if other is not None and other != parties[0] and (not is_generic or parties[0] in marked):
                    parties = [other, parties[0]]
            if not parties:
                continue
            if is_anaphora and len(parties) < 2 and pair is not None and set(parties) <= set(pair):
                parties = list(pair)  # "The agreement will be signed in July": the pair in play's
            if is_anaphora and len(parties) < 2 and not has_pair:
                continue
            if (
                len(parties) == 1
                and kind not in _SINGLE_OK
                and parties[0] in marked
                and _right_before(refs.get("own"), text, trig.start)
            ):
                continue  # "Renewed: our partnership with X": "our" is not X, and not known here
            if len(parties) == 1 and kind not in _SINGLE_OK:  # noqa: SIM102
                if (
                    is_generic
                    or status not in (Status.SIGNED, Status.PLANNED)
                    or not _explicit_event(doc, text)
                    or SEVERAL_DOCS.match(text, trig.start) is not None  # "signed new agreements": no one deal
                ):
                    continue
            date = dated()
            if of_deal:
                date = date or deal_date
            evidence = Evidence(quote=text, published=published)
            if kind is K.OFFICE:
                if all(p in marked for p in parties) and any(
                    t.kind in _DOCUMENTS and 0 <= trig.start - t.end <= 20 for t in triggers
                ):
                    continue  # "an agreement on opening the office was signed with X": X owns no office
                hosts = explicit
                by_name = {m.entity for m in mentions if m.kind != "publisher"}
                if len(explicit) > 1 and parties and parties[0] in by_name:
                    # "X said a second office ..., subject to approval by the university council": the
                    # text's publisher met only as "the university" is no host of X's office
                    parties = [p for p in parties if p in by_name]
                    hosts = [p for p in explicit if p in by_name]
                parties = _office_owners(doc, si, trig, triggers, _own_clause(doc, si, trig, triggers, parties))
                if not parties:
                    continue
                hosts = _office_owners(doc, si, trig, triggers, _own_clause(doc, si, trig, triggers, hosts))
                recs = _offices(doc, si, trig, parties, hosts, status, date, evidence, used_next)
                out.extend(recs)
                if recs:
                    office_owner = parties[0]
                continue
            groups = [parties] if whole else _group_parties(doc, si, parties, trig)
            if listed_at >= 0 and trig.end <= listed_at:
                groups = listed  # "signed between A and B; C and D; and E and F": one record per pair
            for group in groups:
                out.append(
                    Partnership(
                        kind=kind,
                        parties=tuple(_party(doc, p) for p in group),
                        status=status,
                        date=date,
                        evidence=(evidence,),
                    )
                )
                if (kind in _DOCUMENTS or kind is K.EXCHANGE) and len(group) >= 2 and not existing:
                    deal = list(group)
                    deal_date = date
        for trig, _obj, set_kind in _set_up(doc, si, triggers):
            if set_kind is None:
                continue
            kind = set_kind
            if len(deal) >= 2 and not any(
                r.kind is kind and set(r.parties) == {_party(doc, p) for p in deal} for r in out
            ):
                st = Status.ACTIVE if _status(doc, si, trig, kind) is Status.ACTIVE else Status.PLANNED
                date = date_for(doc, text, trig, published)
                ev = Evidence(quote=text, published=published)
                out.append(
                    Partnership(
                        kind=kind, parties=tuple(_party(doc, p) for p in deal), status=st, date=date, evidence=(ev,)
                    )
                )
        for named, parts, kind, at in named_objects.get(si, ()):
            made = {_party(doc, p) for p in parts}
            if any(r.kind is kind and set(r.parties) == made for r in out[n_before:]):
                continue
            base = doc.sentences[si].start
            span = next(m for m in doc.in_sentence(si) if m.entity == named)
            trig = _Trigger(kind, span.start - base, max(span.end - base, at))
            st = _status(doc, si, trig, kind) or Status.ACTIVE
            out.append(
                Partnership(
                    kind=kind,
                    parties=tuple(_party(doc, p) for p in parts),
                    status=Status.ACTIVE if st in (Status.SIGNED, Status.ACTIVE) else st,
                    date=date_for(doc, text, trig, published),
                    evidence=(Evidence(quote=text, published=published),),
                )
            )
            if len(explicit) != 2:
                pair, weak_pair_at = (parts[0], parts[1]), -1
        relative = any(m.entity in explicit and _WITH_WHICH.match(text, m.end - sent.start) for m in mentions)
        if len(explicit) == 2 and (triggers or pair is None) and not _framed(triggers) and not relative:
            pair, weak_pair_at = (
                (explicit[0], explicit[1]),
                -1,
            )  # the pair in play: of a statement (not member and network)
            if text_pair is None and not any(is_event(doc, e) for e in pair):
                text_pair = pair  # (an event met beside a university is no pair the text is about)
        elif _framed(triggers) and not has_pair and (co := _co_members(doc, si, explicit, out[n_before:])) is not None:
            pair, weak_pair_at = co, -1  # "A is a member of X, as is B. The two universities ...": A and B
        elif len(explicit) == 1 and subject is not None and subject != explicit[0] and not has_pair:
            m1 = next(m for m in mentions if m.entity == explicit[0])
            if _marked(partner_cue, text[: m1.start - sent.start]):
                pair, weak_pair_at = (subject, explicit[0]), para  # "the partnership with X ...": the subject and X
        doc_trigs = [t for t in triggers if t.kind in _DOCUMENTS and not (deal and _celebrated(text, t))]
        if doc_trigs and not any(r.kind in _DOCUMENTS and len(r.parties) >= 2 for r in out[n_before:]):
            pst = _status(doc, si, doc_trigs[0], doc_trigs[0].kind)
            if pst in (Status.SIGNED, Status.PLANNED):
                when = date_for(doc, text, doc_trigs[0], published)
                if when is None and pst is Status.SIGNED:
                    when = event_date(doc, si, published) or during_date(doc, si, published)
                pending = (si, doc_trigs[0], pst, when)
    if "|" in doc.clean.text or "\n" in doc.clean.text:
        out.extend(listed_memberships(doc, published, text_subject))
    _hosts_named_next(doc, out, all_triggers)
    return _tidy(opened_next(doc, start_dates(doc, out, all_triggers, published), all_triggers, published))
