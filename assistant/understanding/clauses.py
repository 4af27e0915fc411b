"""Clauses: the pieces of a question that each ask one thing, and what each says by itself.

Today a question is a single clause, the whole of it; a compound question ("西集镇2018年收到多少
申请，其中当面申请多少？") will split here, and every clause is read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalogue import Catalogue
from assistant.understanding import intent, metrics, places, years
from assistant.understanding.cues import INTENT_RULES
from assistant.understanding.english_lists import english_lists
from assistant.understanding.places import BodyCandidate, BodyDirectory

__all__ = ["Reading", "asks", "clauses", "first_ask", "read"]


@dataclass(frozen=True)
class Reading:
    """What a clause says by itself, before any follow-up or intent rule."""

    text: str
    lowered: str
    cue_text: str  # lowered, with the words of metrics that have no parts blanked
    bodies: tuple[str, ...]
    years: tuple[int, ...]
    all_years: bool
    metrics: tuple[str, ...]
    rules: tuple[int, ...]  # indexes of INTENT_RULES whose cues occur
    unknown_place: str | None
    unknown_beside: str | None
    paired_years: tuple[tuple[str, int], ...] = ()
    candidates: tuple[BodyCandidate, ...] = ()  # every stored name found, best first
    readings: tuple[str, ...] = ()  # the bodies a name several bodies share may mean

    def cued(self, *intents: str) -> bool:
        return any(INTENT_RULES[i][0] in intents for i in self.rules)


def clauses(text: str) -> tuple[str, ...]:
    """The clauses of a question, in order: for now exactly one, the whole question."""
    return (text,)


def read(text: str, catalogue: Catalogue, directory: BodyDirectory) -> Reading:
    """Bodies, years, metrics and cued intent rules of one clause, nothing borrowed."""
    candidates = directory.candidates(text)
    mentions = directory.choose(candidates)
    readings = directory.readings(text, mentions)
    if readings is not None and len(readings) == 1:
        mentions = [(readings[0], start, end) for _, start, end in mentions]  # the region picked one
        readings = None
    elif readings is None:
        mentions = directory.narrowed(text, mentions)
    bodies = () if readings is not None else tuple(dict.fromkeys(body for body, _, _ in mentions))
    masked = places.mask(text, [(start, end) for _, start, end in mentions])  # names are no metric words
    lowered = masked.lower()
    cue_text = places.mask(lowered, catalogue.leaf_term_spans(lowered))  # a row's own words are no cues
    return Reading(
        text=text,
        lowered=lowered,
        cue_text=cue_text,
        bodies=bodies,
        years=years.years(masked),
        all_years=years.asks_all_years(lowered),
        metrics=_first_asked_first(masked, catalogue),
        rules=intent.cued_rules(lowered, cue_text),
        unknown_place=(
            None if bodies or readings
            # a shared name whose region is none of ours (长春市水利局): that region's body is not stored
            else places.unknown_place(text if readings == () else masked, directory.english_name_words)
        ),
        unknown_beside=(
            places.unknown_place(places.mask_regions(masked, bodies, directory, mentions), directory.english_name_words)
            if bodies
            else None
        ),
        paired_years=years.paired_years(masked, mentions),
        readings=readings or (),
        candidates=tuple(candidates),
    )


def first_ask(lowered: str) -> str:
    """The part of a question that asks its first figure (all of it when it asks one)."""
    found = asks(lowered)
    return found[0] if len(found) > 1 else lowered


def _first_asked_first(masked: str, catalogue: Catalogue) -> tuple[str, ...]:
    """The metrics of a clause, the first figure asked first.

    Within one ask the most specific metric leads (申请中当面申请多少: 当面); when a question asks
    several figures in turn, the first ask's metric leads, so the primary value is the figure
    asked first (收到多少件？其中网络申请几件？ -> 收到 first)."""
    text = years.name_carry_over_rows(masked)
    if metrics.asks_requests_on_a_topic(first_ask(text), catalogue):
        return ()  # 涉及规划许可的申请: a figure labelled with the subject answers, no metric
    found = metrics.metrics(text, catalogue)
    first = metrics.metrics(first_ask(text), catalogue)
    # “主动公开政府信息情况”表中，行政规范性文件的本年制发件数: the words after the scope name the
    # figure asked, those of the scope (a table's, a whole's) only where it is
    rest = after_scope(first_ask(text))
    own = metrics.metrics(rest, catalogue) if rest else ()
    return tuple(dict.fromkeys([*own, *first, *found])) if first else found


# Where a question asking several figures turns to the next one. Strong turns end an ask whatever
# follows (？ ； 其中); an English ask starts at its own "how many" / "what share", the words that
# join it to the one before (", and", "as well as", "and of which") dropped.
_STRONG_TURN_RE = re.compile(r"[？?；;]|其中")
_EN_TURN_RE = re.compile(
    r"(?:\s*[,;:]\s*|\s+)(?:(?:and|as well as|plus|also)\s+)?(?:(?:of|among) (?:which|them|these|those),?\s+)?"
    r"(?=(?:how (?:many|much)|what (?:share|percentage|proportion|per ?cent))\b)",
    re.IGNORECASE,
)
# A weak turn (， 、 以及 和 …) ends an ask only when the words on both sides ask a figure of their own:
# "发布了多少条信息，微信又推送了多少条", "新收多少件、上年结转几件，以及召开了几场发布会".
_WEAK_TURN_RE = re.compile(r"[，,、]\s*(?:以及|还有|并且|同时|和|及|另外)?|以及|还有|(?<=[件个条次人名项期篇场家份])(?:和|及|与)")
_ASKS_ANY_RE = re.compile(
    r"多少|几(?:[件个条次人名项期篇场家所台份处轮批宗起例]|人次)|how (?:many|much)|what (?:share|percentage|proportion|per ?cent)",
    re.IGNORECASE,
)
# "网络申请和信函申请各多少件", "通过门户网站和公开目录分别公开了多少条": the things listed before 各 or
# 分别 are asked one by one
_EACH_RE = re.compile(r"(?P<items>[^，,；;：:？?。]+?)(?P<each>各(?:有|是)?|分别(?:是|为|有)?)(?P<ask>[^，,；;？?。]*?(?:多少|几)[^，,；;？?。]*)")
_ITEM_SPLIT_RE = re.compile(r"(?:和|、|及|以及|与)")
# The items listed before 各 start after the question's year ("大冶市自然资源和规划局2025年行政处罚和
# 行政强制…": a body's own 和 lists nothing), and words after the last item's 的 are every item's
# ("行政处罚和行政强制的处理决定各有多少": 行政处罚的处理决定 too)
_ITEMS_START_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")
_SHARED_TAIL_RE = re.compile(r"的[^的]{2,}$")


def _listed_items(text: str) -> tuple[str, list[str]]:
    """The words before the items listed in `text` and the items, each with the words they share."""
    years_named = list(_ITEMS_START_RE.finditer(text))
    start = years_named[-1].end() if years_named else 0
    items = [item.strip() for item in _ITEM_SPLIT_RE.split(text[start:])]
    if any(_PLACE_ITEM_RE.search(item) for item in items[:-1]):
        return text, []  # bodies listed: one figure of each body, answered across them
    tail = _SHARED_TAIL_RE.search(items[-1]) if items else None
    if tail:
        items = [item if "的" in item else item + tail.group() for item in items[:-1]] + items[-1:]
    return text[:start], items


# "大云镇和兴华镇主动公开的信息各多少条": items that are places or bodies ask one figure of each body
# (the question's bodies, answered across them), not several figures
_PLACE_ITEM_RE = re.compile(r"(?:镇|乡|街道|办事处|区|县|市|州|盟|旗|省|局|委|厅|办|管委会|政府)\s*$")
# "How many full-time and how many part-time staff …": the first ask borrows the words after the
# second's modifier (full-time staff …)
_EN_BARE_ASK_RE = re.compile(r"^how (?:many|much)((?:\s+[\w-]+){1,2})\s*$", re.IGNORECASE)


def asks(text: str) -> tuple[str, ...]:
    """Each figure a question asks, as its own question text, in the order asked.

    "…收到多少件？其中网络申请几件？" gives two; "其中网络申请和信函申请各多少件" gives one per item
    ("其中网络申请多少件", "信函申请多少件"); "how many requests, and how many were disclosed in
    full?" gives two; "电话和邮编分别是多少" one per contact detail. A question asking one figure
    gives itself.
    """
    contact = _contact_asks(text)
    if contact:
        return contact
    found: list[str] = []
    for strong in _STRONG_TURN_RE.split(text):
        for piece in _split_where_both_ask(strong):
            piece = piece.strip(" ，,。:：")
            if not piece or not _ASKS_ANY_RE.search(piece):
                continue  # words that ask nothing (before 其中: 收到申请12件，其中…) are no ask
            each = _EACH_RE.search(piece)
            head, items = _listed_items(each["items"]) if each else ("", [])
            if each and len(items) >= 2 and all(len(i) >= 2 for i in items):
                head = piece[: each.start("items")] + head
                found += [(head if n == 0 else "") + item + each["ask"] for n, item in enumerate(items)]
            else:
                found.append(piece)
    found = [part for ask in _fill_bare_asks(found) for part in english_lists(ask)]
    return tuple(found) if len(found) > 1 else (text,)


_SETUP_END_RE = re.compile(r"how (?:many|much)|what (?:share|percentage|proportion)|[，,：:]", re.IGNORECASE)


def in_context(first: str, later: str) -> str:
    """A later ask with the words that set up the first one before it: "Of X's 23 reconsideration
    cases in 2022, | how many were upheld" and "how many were still pending" reads "Of X's 23
    reconsideration cases in 2022, how many were still pending"; ``later`` when the first ask
    sets nothing up.

    A later English ask that keeps only its modifier ("how many were disclosed in full | and how
    many partially", "… came from natural persons | and how many from companies") takes the first
    ask's words up to its verb: "how many were disclosed partially"."""
    elliptical = _elliptical(first, later)
    if elliptical:
        return elliptical
    ends = list(_SETUP_END_RE.finditer(first))
    if not ends:
        return later
    last = ends[-1]
    setup = first[: last.start()] if last.group(0)[0].isalpha() else first[: last.end()]
    return f"{setup}{later}" if setup.strip(" ，,：:") else later


# "how many | partially", "how many | in part, respectively": an English ask that names no verb
_EN_ELLIPSIS_RE = re.compile(
    r"^\W*(?:and\s+|as well as\s+|of (?:them|which|those),?\s+)*how (?:many|much)\s+(?P<rest>.*?)"
    r"(?:,?\s*(?:respectively|each|in total))?\W*$",
    re.IGNORECASE,
)
# The last verb of an English ask, as a participle or past form: disclosed, granted, came, held.
_EN_VERB_RE = re.compile(r"\b(?:[a-z]+ed|came|made|given|sent|held|withheld|upheld|got|taken|brought|done|kept|left|paid|won|lost)\b", re.IGNORECASE)


def _elliptical(first: str, later: str) -> str | None:
    """The first ask's words up to its last verb, then the later ask's modifier; None when the
    later ask has a verb or a noun of its own, or the first has no verb."""
    match = _EN_ELLIPSIS_RE.match(later)
    if not match or not match.group("rest").strip():
        return None
    rest = match.group("rest").strip()
    words = rest.split()
    if len(words) > 6 or _EN_VERB_RE.search(rest) or re.match(r"(?:were|was|are|is|did|do|does|have|has|had)\b", rest, re.IGNORECASE):
        return None
    if not re.match(r"(?:[a-z]+ly|in|on|by|via|through|from|to|into|at|with|without|online|offline)\b", rest, re.IGNORECASE):
        return None  # "how many staff": a noun asks its own figure
    verbs = list(_EN_VERB_RE.finditer(first))
    if not verbs:
        return None
    return f"{first[: verbs[-1].end()]} {rest}"


def _split_where_both_ask(text: str) -> list[str]:
    """English asks at each "how many"; Chinese ones at a comma or 和 with an ask on each side."""
    pieces: list[str] = []
    carried = ""
    for english in _en_pieces(text):
        if not _ASKS_ANY_RE.search(english):
            carried += english  # "Shangwan Township received | how many requests": one ask
            continue
        english, carried = carried + english, ""
        start = 0
        for turn in _WEAK_TURN_RE.finditer(english):
            before, after = english[start : turn.start()], english[turn.end() :]
            if _ASKS_ANY_RE.search(before) and _ASKS_ANY_RE.search(_up_to_next_turn(after)):
                pieces.append(before)
                start = turn.end()
        pieces.append(english[start:])
    if carried:
        pieces.append(carried)
    return pieces


def _en_pieces(text: str) -> list[str]:
    """``text`` cut before each English ask; a cut's joining words stay with the words before it
    only while those ask nothing (they are dropped once the ask before is complete)."""
    pieces, start = [], 0
    for turn in _EN_TURN_RE.finditer(text):
        if turn.end() == 0:
            continue
        piece = text[start : turn.start()]
        pieces.append(piece if _ASKS_ANY_RE.search(piece) else text[start : turn.end()])
        start = turn.end()
    pieces.append(text[start:])
    return [piece for piece in pieces if piece]


def _up_to_next_turn(text: str) -> str:
    turn = _WEAK_TURN_RE.search(text)
    return text[: turn.start()] if turn else text


def _fill_bare_asks(found: list[str]) -> list[str]:
    filled = list(found)
    for index in range(len(found) - 1):
        bare = _EN_BARE_ASK_RE.match(found[index].strip())
        if not bare:
            continue
        words = len(bare.group(1).split())
        following = found[index + 1].split()
        # "how many of them …", "how many were …": the second ask is a clause of its own, no noun to share
        if len(following) > 2 + words and following[0].lower() == "how" and following[2].lower() not in _EN_CLAUSE_WORDS:
            filled[index] = f"{found[index].strip()} {' '.join(following[2 + words:])}"
    return filled


# (… and a preposition: "how many on plans, and how many on business work" shares no noun)
_EN_CLAUSE_WORDS = frozenset({
    "of", "among", "were", "was", "are", "is", "did", "do", "does", "have", "has", "had", "in", "by", "for",
    "on", "via", "through", "from", "at", "about", "to", "with",
})


def _contact_asks(text: str) -> tuple[str, ...]:
    """"电话和邮编分别是多少", "phone number and e-mail address": one ask per contact detail, the
    question itself first (it asks the first detail named)."""
    kinds = intent.contact_kinds(text.lower())
    if len(kinds) < 2:
        return ()
    return (text, *(words for _, words in kinds[1:]))


# A figure a question states itself, as the whole its asks are parts of: "Of the 1287 items …",
# "among the 59 items X published", "X received 211 new requests. How many …", 在公开的59条信息中.
# A number counts as stated when a counted thing follows it (条/件, items, requests); years and
# ordinals (第10届, No. 2) do not.
_STATED_ZH_RE = re.compile(r"(?<![\d.第])(\d+(?:\.\d+)?)\s*(?:人次|条|件|项|篇|个|次|人|名|份|宗|起|期|场)")
_STATED_EN_RE = re.compile(
    r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:items?|pieces?|requests?|applications?|cases?|documents?|messages?|posts?|articles?|entries|records?|files?|"
    r"people|persons?|person-times|times|sessions?|enquiries|inquiries|suggestions?|proposals?)\b",
    re.IGNORECASE,
)
_ASKING_RE = re.compile(r"多少|几|how (?:many|much)|what (?:share|percentage|proportion|number)", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"[^。.!?？；;]+[。.!?？；;]*")
_CLAUSE_RE = re.compile(r"[^，,。？?；;]+[，,。？?；;]*")
# the scope a stated figure sets: "of the 1287 items …," / "among the 59 items … 2025" / 在…59条信息中
_EN_SCOPE_OF_RE = re.compile(r"\b(?:of|among|out of|from)\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|all\s+)?\d[^,?]*", re.IGNORECASE)
_ZH_SCOPE_OF_RE = re.compile(r"(?:在|从)?[^，,。？?；;]*?\d[^，,。？?；;中]*中")


def stated_figures(text: str) -> tuple[float, ...]:
    """The figures a question states itself (not its years): 211 in "X received 211 new requests.
    How many …", 59 in "… were among the 59 items …"."""
    found = [m.group(1) for m in (*_STATED_ZH_RE.finditer(text), *_STATED_EN_RE.finditer(text))]
    return tuple(dict.fromkeys(float(n.replace(",", "")) for n in found))


def without_statement(text: str) -> str:
    """A question's ask without the words that state its whole: the sentence or clause stating a
    figure when another one asks ("X received 211 new requests in 2025. | How many were addressed to
    …"), else the scope the figure sets ("how many government-affairs items were [among the 59
    items …]"); ``text`` when it states none."""
    for pattern in (_SENTENCE_RE, _CLAUSE_RE):
        pieces = pattern.findall(text)
        kept = [p for p in pieces if not (stated_figures(p) and not _ASKING_RE.search(p))]
        if kept and len(kept) < len(pieces):
            return "".join(kept).strip()
    for pattern in (_EN_SCOPE_OF_RE, _ZH_SCOPE_OF_RE):
        scope = next((m for m in pattern.finditer(text) if stated_figures(m.group(0))), None)
        if scope is not None:
            rest = (text[: scope.start()] + text[scope.end() :]).strip(" ,，")
            if _ASKING_RE.search(rest):
                return rest
    return text


# "新增主动公开的信息中，政策文件类…多少条": the words before 中 set the scope (the whole count); what is
# asked follows them.
_SCOPE_END_RE = re.compile(r"(?:中|里|当中|之中)\s*[，,]")
_EN_SCOPE_RE = re.compile(r"^\s*(?:of|among) (?:the )?[^,]+,\s*(how (?:many|much)\b.*)$", re.IGNORECASE)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def after_scope(text: str) -> str | None:
    """The ask after the clause that sets its scope (北碚区2022年收到的申请中，| 向各街镇提出的有多少件;
    "Of the requests X received in 2022, | how many …"); None when no scope is set or too few
    words are left after it."""
    english = _EN_SCOPE_RE.match(text)
    if english:
        return english.group(1)
    ends = list(_SCOPE_END_RE.finditer(text))
    if not ends:
        return None
    rest = text[ends[-1].end() :]
    return rest if len(_CJK_RE.findall(rest)) >= 4 else None
