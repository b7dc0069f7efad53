"""Affiliation strings against a registry: which registered organisations a string names.

How a string is read (each step shows up in the explanation of a hit):

1. It is split into parts (:func:`partnerkit._names.split_affiliation`).
   Parts that are addresses (countries, states/provinces, cities of the registry, post
   codes, streets) become *hints*; they are never candidates.
2. In every other part the longest runs of tokens that are a registered name (display
   name, alias or label, normalised) are found. A run counts when it is the whole part,
   or the rest of the part is a sub-unit ("School of Medicine" after the name, "Dept. of
   X" before it), a place, other bodies' acronyms, a role before "at", or the word of its
   kind; a name found inside unrelated words does not count. A part naming nothing may be
   one university's name short of its city, or one organisation's name in another order.
3. A name that several organisations share is settled by the hints: a country named in
   the string (a conflict is a hard NON_MATCH), then a city or state, then the name as
   written (not through another language's form); else it stays
   ambiguous (POSSIBLE). Generic names ("Institute of Physics") need a place to agree.
   A system's short name that one member bears only as an alias or label ("University of
   Illinois") yields to a longer registered name whose extra words the string writes
   ("..., Chicago"), or, with a medical unit, to the member related to the system's hospital.
4. Acronyms count only with corroboration: a place of the string that agrees, or the
   organisation (or its parent or child) named in full elsewhere in the string.
5. Of the organisations found, one per family answers (ROR's parent/child relationships),
   so a unit and its university are never two answers: the parent, unless it is written
   only as an acronym (then the unit named in full). A unit that is an organisation in its
   own right (units of its own, or a parent that is no university) named apart from its
   parent leaves both POSSIBLE: the string does not say which level it means.
"""

from partnerkit._matching._affiliation._model import Hit, Reading
from partnerkit._matching._affiliation._reader import AffiliationReader, reader

__all__ = ["AffiliationReader", "Hit", "Reading", "reader"]
