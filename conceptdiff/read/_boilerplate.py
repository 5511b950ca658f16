"""The rules that tell a line of a web page's furniture from a document's words.

:func:`is_boilerplate` names a whole line (a clause) as a page's furniture by
its kind, told by its form and words rather than from a list of known lines:
date and reading-time lines, bylines, photo and agency credits,
share/related/navigation widgets, link rows and breadcrumbs, cookie and
consent banners, advertisement and sponsor markers, registration numbers,
counters, widgets' labels, copyright footers, and a page's sentences about
itself (editorial notes, bios, paywall, consent and affiliate notices).  Used
by the plain-text reader (a short item that is furniture ends where its line
does) and by the segmenter's ``drop_boilerplate`` (plain text and HTML), each
importing this module where it first needs it: reading Markdown, PDF or
``.docx`` never compiles its patterns.  The sentence and word rules it shares
with them are in :mod:`conceptdiff.read._scraped`.

Every rule is a pure function; every regular expression is anchored or made
of bounded runs (a repeated group is a bounded count of words, each word and
the separator before it of disjoint characters), so that no input makes one
backtrack more than linearly.

>>> is_boilerplate("No comments:"), is_boilerplate("©AP Photo/Dmitry Lovetsky /")
(True, True)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from conceptdiff.read._paged import _DIGIT_RE, _TERMINAL_RE
from conceptdiff.read._scraped import (
    _CAPITAL_STARTERS,
    _INNER_SENTENCE_END_RE,
    _NAME_ROLE_RE,
    _SENTENCE_END_RE,
    _VERBS,
    _WIDGET_WORD_RE,
    _words,
    ends_sentence,
)

__all__ = ["documentary", "is_boilerplate"]


# -- web boilerplate ----------------------------------------------------------

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"(?:[ \t]*(?:,|at|-|–|\|)?[ \t]*[0-9]{1,2}[:.][0-9]{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]*[A-Z]{2,4})?)?"
_DATE_RE = re.compile(
    rf"""
    (?:(?:published|posted|updated|last[ \t]+updated|date|dated|modified)[ \t]*(?:on)?[ \t]*:?[ \t]*)?
    (?:[0-9]{{1,2}}[:.][0-9]{{2}}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]*[A-Z]{{2,4}})?[ \t]*,?[ \t]*)?
    (?:{_WEEKDAYS}[ \t]*,?[ \t]*)?
    (?:
        [0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTHS}[ \t]*,?[ \t]*[0-9]{{4}}
      | {_MONTHS}[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]*,?[ \t]*[0-9]{{4}}
      | [0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?:T[0-9:]{{5,8}}Z?)?
      | [0-9]{{1,2}}[./][0-9]{{1,2}}[./][0-9]{{2,4}}
    )
    {_TIME}
    """,
    re.VERBOSE | re.IGNORECASE,
)
_AGENCY = (
    r"(?:getty[ \t]+images|reuters|shutterstock|ap(?:[ \t]+photo)?|afp|epa|sputnik|tass|ria[ \t]+novosti|xinhua|"
    r"associated[ \t]+press|agence[ \t]+france-presse|bloomberg|pa(?:[ \t]+(?:media|wire|images))|dpa"
    r"|anadolu(?:[ \t]+agency)?|"
    r"alamy|istock(?:photo)?|unsplash|ians|pti|kyodo(?:[ \t]+news)?|yonhap|efe|ansa|nurphoto|sipa(?:[ \t]+usa)?|"
    r"zuma(?:[ \t]+press)?|eyevine|abaca(?:press)?|wikimedia[ \t]+commons|flickr)"
)
_SOCIAL = r"(?:tweet|print|email|e-mail|facebook|twitter|x|linkedin|whatsapp|telegram|vk|reddit|pinterest)"
# A copyright line is a page's footer only at the end of a text: at the top of a
# licence or a statute it is part of the document ("Copyright (C) 2007 Free
# Software Foundation, Inc.").
_COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|copyright[ \t]*(?:©|\(c\)|[0-9]{4})).{0,80}|(?:all[ \t]+rights[ \t]+reserved).{0,40}", re.IGNORECASE
)
_BOILERPLATE_RE = re.compile(
    rf"""
    (?:©|\(c\))[ \t]*{_AGENCY}\b.{{0,80}}
  | (?:photo|image|picture|foto|illustration|video)(?:[ \t]+(?:credit|courtesy))?s?[ \t]*(?::|by\b|©|/).{{0,100}}
  | (?![a-z][a-z0-9+.-]*://).{{0,60}}/[ \t]*{_AGENCY}\b[ \t]*/?.{{0,40}}
  | {_AGENCY}\b[ \t]*(?:photos?|images?)?[ \t]*/.{{0,60}}
  | \(?(?:photo|image)[ \t]+(?:by|credit|courtesy)\b.{{0,80}}
  | no[ \t]+comments[ \t]*:?
  | [0-9]{{1,4}}[ \t]+comments?[ \t]*:?
  | (?:post|leave|add|write)[ \t]+a[ \t]+comment[ \t]*:?
  | comments?[ \t]*\([0-9]{{1,5}}\)[ \t]*:?
  | share(?:[ \t]+(?:this|it|on|via|the))?(?:[ \t]+(?:article|story|post|page|{_SOCIAL}))*[ \t]*:?
  | {_SOCIAL}(?:[ \t]*[|·•/,][ \t]*{_SOCIAL})+
  | (?:tweet|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest)
  | (?:subscribe|sign[ \t]+up)(?:[ \t]+(?:to|for))?:?(?:[ \t]+(?:our|the))?[ \t]*
        (?:newsletter|updates|post[ \t]+comments[ \t]*\(atom\))?.{{0,20}}
  | (?:read|see)[ \t]+more\b.{{0,80}}
  | see[ \t]+also\b(?![^\n]{{0,200}}\w[.!?]["'”’)]*$).{{0,80}}  # a sentence ("See also Article 12.") is text
  | (?:related|recommended|popular|latest|trending)(?:[ \t]+(?:articles?|posts?|stories|news|reading))?[ \t]*:?
  | (?:advertisement|sponsored(?:[ \t]+content)?|ad)
  | (?:posted|written|published)[ \t]+by[ \t]+.{{1,60}}
  | (?:by|author)[ \t]*:?[ \t]+(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}})
  | labels?[ \t]*:.{{0,100}}
  | tags?[ \t]*:.{{0,100}}
  | newer[ \t]+posts?.{{0,40}}|older[ \t]+posts?.{{0,40}}
  | (?:click|tap)[ \t]+here\b.{{0,80}}
  | (?:back[ \t]+to[ \t]+top|top[ \t]+of[ \t]+page|skip[ \t]+to[ \t]+(?:main[ \t]+)?content)
  | jump[ \t]+to:.{{0,200}}
  | (?:follow[ \t]+us)\b.{{0,60}}
    """,
    re.VERBOSE | re.IGNORECASE,
)


# Web-page furniture told by its words: a short line made (nearly) only of the
# words of one kind of widget is that widget, whatever their order.  Each set
# is a kind of line a page puts around an article; the function words they
# share are in _WIDGET_GLUE.
_WIDGET_GLUE = _words(
    "a an the this that these our your us you to on in at of for from with via by and or now all here it its more"
)
# Each kind: the words that make it (one of them at least) and the words that
# may go with them ("Share this article": "share" makes it, "article" goes with
# it; "Article" alone is no widget).
_WIDGET_WORDS = {
    "share": (
        _words(
            "share shares sharing tweet retweet print email e-mail save bookmark comment comments reply replies copied "
            "follow subscribe unsubscribe sign log login logout register download listen facebook twitter "
            "linkedin whatsapp telegram reddit pinterest instagram youtube tiktok mastodon bluesky flipboard rss "
            "copy gift continue send"
        ),
        _words(
            "friend friends colleague f printer mail saved bookmarks link links url permalink like likes followers "
            "subscribed join watch "
            "conversation "
            "send article story post page x threads pocket feed messenger social media newsletter newsletters "
            "notifications alerts app version friendly up in out later reading full clipboard list"
        ),
    ),
    "related": (
        _words(
            "related recommended recommendations popular trending latest picks picked handpicked featured similar most "
            "also more next"
        ),
        _words(
            "read viewed commented shared top stories story articles article news headlines editor's editors "
            "pick more like may might miss don't dont see next watch listen around web elsewhere topics topic "
            "highlights today week explore further reading publications reports guidance documents resources "
            "content reads videos posts items"
        ),
    ),
    "newsletter": (
        _words("newsletter newsletters subscribe inbox digest download app apps sign enter"),
        _words(
            "get sign up the latest news delivered weekly daily monthly free email address enter updates alerts "
            "briefing briefings bulletin roundup mailing list "
            "store google play apple android ios now our join today breaking stories"
        ),
    ),
    # Paywalls and membership prompts: "Already a subscriber? Sign in", "Become a member".
    "membership": (
        _words(
            "subscriber subscribers subscription subscriptions subscribe membership member members paywall donate "
            "donation premium unlock unlimited already"
        ),
        _words(
            "get already become sign log in login support independent journalism reporting free articles article "
            "remaining left month week unlimited access digital trial offer just only per start today now join "
            "register continue reading read exclusive content upgrade plan plans account go registered story stories"
        ),
    ),
    # An app's and a browser's prompts: "Open in app", "Allow notifications? Not now".
    "app": (
        _words("app apps notifications notification browser install"),
        _words(
            "open continue in allow block not now home screen add to get download our turn on off enable push read "
            "best experience use free"
        ),
    ),
    # A video, audio or gallery player: "Listen to this article", "1 of 8 Swipe for more photos".
    "player": (
        _words(
            "watch listen gallery swipe play pause replay video videos audio podcast slideshow playback mute narrated "
            "unmute enlarge zoom expand"
        ),
        _words(
            "photos photo images image pictures of this article story now more full screen fullscreen to with "
            "version speed min mins minutes sec seconds live by automated voice generated ai synthetic synthesised "
            "synthesized cc captions subtitles volume settings larger view size"
        ),
    ),
    # Feedback widgets: "Was this page helpful? Yes No", "Thank you for your feedback".
    # (a section may be called "Feedback and ratings": the widget's own words make it)
    "feedback": (
        _words("helpful useful survey rate thank thanks give send"),
        _words(
            "was is did this page article content information find you your yes no feedback rating about "
            "report problem with tell us what how we can improve leave share take short quick minute minutes"
        ),
    ),
    # Accessibility and display tools: "Text size: A A A", "High contrast", "Read aloud".
    "display": (
        _words("contrast aloud readspeaker font"),
        _words("accessibility high text size read increase decrease reset mode dark light larger smaller a tools"),
    ),
    # Language switchers and translation notices: "Select Language", "Translated by ... Show original".
    "language": (
        _words("select choose translate translated machine-translated"),  # not "Other translations"
        _words(
            "language languages translation translations change read in this page article has been was "
            "automatically automatic machine show original view available other also by"
        ),
    ),
    "cookies": (
        _words("cookie cookies consent accept reject preferences"),
        _words(
            "accept reject all only necessary non-essential essential optional close manage settings preferences "
            "choices allow deny agree customise customize analytics functional strictly required always active save "
            "confirm my selection decline performance targeting marketing tracking and"
        ),
    ),
    "navigation": (
        _words(
            "home menu search skip sitemap breadcrumb breadcrumbs login logout prev previous next back navigation nav "
            "older newer return"
        ),
        _words(
            "jump top main content navigation nav page pages first last older newer show load more less entries "
            "listing listings primary secondary footer header mobile utility global "
            "close open toggle go site index account sign in out news articles results list overview reports "
            "publications documents stories posts"
        ),
    ),
    "advert": (
        _words(
            "advertisement advertisements advert advertiser advertisers ad ads sponsored promoted partner advertising "
            "advertorial"
        ),
        _words(
            "sponsor sponsors paid content promotion story links by continues continue below above is scroll to post "
            "posts feature features partnership report hide why this stories remove block free"
        ),
    ),
    # A site's menu run together on one line: "About Us Our Work Research Events Newsroom Careers Donate"
    # (its words about a site's own sections; "Contact us" alone may head a policy's section).
    "site": (
        _words("careers jobs vacancies newsroom donate"),
        _words(
            "about us work research events contact press blog shop store home team people insights publications "
            "resources news media support get involved partners programmes programs projects services who we are "
            "what do impact mission history governance funders board staff login search menu faq faqs help our "
            "newsletter subscribe"
        ),
    ),
}
# A row of links or a breadcrumb trail: short items between separators.
_LINK_ROW_SPLIT_RE = re.compile(r"[ \t]+(?:[|·•»›>/]|::)[ \t]+|[ \t]*[|·•][ \t]*")
# Date and reading-time lines: meta words around a date, a time, a duration.
_META_WORDS = _words(
    "published posted updated update last modified edited created reviewed first originally on at by "
    "time read reading min mins minute minutes hour hours hr hrs day days ago am pm gmt utc bst cet cest est edt pst "
    "pdt et pt ist jst aest local today yesterday next review due approx approximately estimated around about"
)
_DATE_PART_RE = re.compile(
    rf"\b(?:{_WEEKDAYS}|{_MONTHS}|[0-9]{{1,4}}(?:st|nd|rd|th)?|[0-9]{{1,2}}[:.][0-9]{{2}}(?:[ap]\.?m\.?)?|"
    rf"[0-9./-]{{6,10}})(?!\w)",
    re.IGNORECASE,
)
_CLOCK_RE = re.compile(r"\b[0-9]{1,2}[:.][0-9]{2}\b")
# Meta words that also join a name to what follows it ("by", "on", "at"): beside numbers
# alone ("CMake 3.25", "1995 by Tom Lord"), no sign of a date.
_NEAR_WORDS = frozenset({"by", "on", "at", "about", "around", "first", "next"})
_CREDIT_RE = re.compile(
    r"\(?(?:(?:file|top|main|header|lead)[ \t]+)?(?:photo(?:graph)?s?|images?|pictures?|illustrations?|video|graphic|"
    r"credit|source|caption)"
    r"(?:[ \t]+(?:credit|source|courtesy|by))?[ \t]*(?::|©|/|by\b).{1,100}",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"(?:(?:written|reported|reporting|edited|editing|posted|published|words|text|story)[ \t]+)?by[ \t]+"
    r"(?-i:[A-Z][\w.'’-]*)(?:[ \t,]+(?:and[ \t]+)?(?-i:[A-Z][\w.'’-]*)){0,6}[ \t]*(?:[,|·•;-].{0,60})?",
    re.IGNORECASE,
)
_COOKIE_RE = re.compile(
    r".{0,200}\bcookies?\b.{0,200}?(?:accept(?:[ \t]+all)?|reject(?:[ \t]+all)?|agree|got[ \t]+it|ok|okay|"
    r"(?:cookie[ \t]+)?(?:settings|preferences)|manage[ \t]+\w+|learn[ \t]+more|more[ \t]+info(?:rmation)?)[ \t]*[.!]?",
    re.IGNORECASE,
)


# A credit to a news or picture agency: "Maria Gonzalez, Associated Press",
# "Image source, Getty Images", "AFP via Getty Images": a name or a credit word,
# a separator, the agency (the name part checked by _agency_credit).
_AGENCY_CREDIT_RE = re.compile(
    rf"(?P<lead>.{{0,60}}?(?:[,/|·•:]|[ \t][–—-]))?[ \t]*{_AGENCY}"
    rf"(?:[ \t]+(?:photos?|images?|pictures?|video|staff|via[ \t]+{_AGENCY}))?[ \t]*(?:[/|][ \t]*.{{0,40}})?",
    re.IGNORECASE,
)
_CREDIT_WORDS = _words("image images photo photos picture pictures source credit credits by via and & staff file video")
# A byline under its label, or a name with a newsroom role: "Contributors: Anna
# Schmidt, Rafael Costa", "Reviewed by: Dr. A. Lee", "Ahmed Karimi — Research Fellow".
_BYLINE_LABEL_RE = re.compile(
    r"(?:contributors?|authors?|correspondents?|reporters?|editors?|"
    r"(?:written|reviewed|medically[ \t]+reviewed|fact[ -]checked|edited|produced|compiled|translated|"
    r"illustrated|interview|reporting|additional[ \t]+reporting)[ \t]+by)"
    r"[ \t]*:?[ \t]+(?-i:[A-Z][\w.'’-]*)(?:[ \t,&]+(?:and[ \t]+)?(?-i:[A-Z][\w.'’-]*)){0,9}"
    r"(?:[ \t]+(?:in|from)[ \t]+(?-i:[A-Z][\w.'’-]*)(?:[ \t]+(?-i:[A-Z][\w.'’-]*)){0,2})?[ \t]*(?:[|·•;].{0,60})?",
    re.IGNORECASE,
)
# The roles of a name with a newsroom role (the name and its role: _NAME_ROLE_RE, shared with signatory).
_ROLE_WORDS = _words(
    "correspondent reporter editor writer journalist columnist contributor fellow staff freelance photographer producer"
)


def _agency_credit(text: str) -> bool:
    """Is ``text`` a credit to an agency, after at most a name or credit words?"""
    match = _AGENCY_CREDIT_RE.fullmatch(text)
    if match is None:
        return False
    lead = _WIDGET_WORD_RE.findall(match["lead"] or "")
    return len(lead) <= 5 and all(w[:1].isupper() or w.casefold() in _CREDIT_WORDS for w in lead)


def _byline(text: str, words: Sequence[str]) -> bool:
    """A byline: "By ...", a byline under its label, or a name with a newsroom role."""
    if len(words) <= 10 and (_BYLINE_RE.fullmatch(text) or _BYLINE_LABEL_RE.fullmatch(text)):
        return True
    match = _NAME_ROLE_RE.fullmatch(text)
    if match is None or len(words) > 12 or text[-1:] in ".;:":
        return False
    role = [w.casefold() for w in _WIDGET_WORD_RE.findall(match["role"])]
    return any(w in _ROLE_WORDS for w in role) and not any(w in _VERBS for w in role)


def _reads_as_sentences(text: str) -> bool:
    """Does ``text`` say something of its own: a licence's "All rights reserved" under a
    notice is a sentence; a footer's is a mark beside a name.  Told by a verb besides the formula."""
    rest = re.sub(r"(?i)all\s+rights\s+reserved|copyright|registered\s+in", " ", text)
    return any(word.casefold() in _VERBS for word in rest.split())


def _widget(words: Sequence[str]) -> bool:
    """Are ``words`` (a short line's) the words of one kind of page widget?"""
    folded = [w.casefold() for w in words]
    content = [w for w in folded if w not in _WIDGET_GLUE or (w == "more" and len(folded) <= 3)]
    if not content or (len(content) == 1 and not words[0][:1].isupper()):
        return False  # "or with your consent.": one word of a kind inside a sentence makes no widget
    kinds = frozenset().union(*(_CORE_OF.get(w, ()) for w in content))
    if not kinds:
        return False
    # A brand after a widget's preposition counts with it: "Listen with VoxReader", "Watch on YouTube".
    brand = any(
        before in ("with", "on", "via", "in", "the") and word[:1].isupper() and word.casefold() in content
        for before, word in zip(folded, words[1:], strict=False)
    )
    needed = 0.8 * len(content) - brand
    return any(sum(kind in _KNOWN_OF.get(w, ()) for w in content) >= needed for kind in kinds)


def _kinds_of(pick: int) -> dict[str, frozenset[str]]:
    """Each widget word and the kinds it makes (``pick`` 0) or goes with (1, core words included)."""
    found: dict[str, set[str]] = {}
    for kind, (core, extra) in _WIDGET_WORDS.items():
        for word in core | (extra if pick else frozenset()):
            found.setdefault(word, set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in found.items()}


_CORE_OF = _kinds_of(0)
_KNOWN_OF = _kinds_of(1)


def _dateline(text: str) -> bool:
    """A date, time or reading-time line: once the date and time are taken
    out, only meta words ("updated", "min read"), separators and at most a
    name or a place of three words are left."""
    if not _DIGIT_RE.search(text) and "ago" not in text.casefold():
        return False
    rest = _DATE_PART_RE.sub(" ", text)
    words = _WIDGET_WORD_RE.findall(rest)
    meta = any(w.casefold() in _META_WORDS for w in words)
    other = [w for w in words if w.casefold() not in _META_WORDS and w.casefold() not in _WIDGET_GLUE]
    if not _DATE_PART_RE.search(text) or any(w[:1].islower() for w in other):
        return False  # "Version 3, 29 June 2007", "dated 12 March and signed by": words of a sentence
    timed = any(":" in clock.group(0) for clock in _CLOCK_RE.finditer(text))
    if (
        _DATE_RE.search(text) is None
        and not timed
        and not any(w.casefold() in _META_WORDS and w.casefold() not in _NEAR_WORDS for w in words)
    ):
        # No day, no time of day and no meta word but "by" or "on": "FEBRUARY 2015" on a cover (a
        # month and a year), "Policies Introduced by CMake 3.25", "Copyright 1995 by Tom Lord".
        return False
    return len(other) <= (3 if meta else 0)  # a byline's name or a dateline's place, beside a meta word


# Formulas of a page's frame told by their phrasing: pagination, sponsors, courtesy
# credits, "From:" lines, content licences, consent to cookies, "More from <section>".
_FRAME_RE = re.compile(
    r"(?:(?:[0-9]{1,4}|…|\.\.\.|\[…\])[ \t]+){1,12}(?:next|last|older|newer)?[ \t]*[›»>→]?"
    r"|(?:[«‹<←][ \t]*)?(?:previous|prev|next|older|newer)(?:[ \t]+(?:page|post|article|story))?[ \t]*[›»>→]?"
    r"|(?:photo(?:graph)?|image|picture)?[ \t]*courtesy[ \t]+(?:of[ \t]+)?.{1,80}"
    r"|from:[ \t]+.{1,100}"
    r"|(?:all[ \t]+)?content[ \t]+(?:is[ \t]+)?(?:available|licensed|published)[ \t]+under\b.{1,120}"
    r"|by[ \t]+(?:continuing|using|browsing)[ \t]+.{1,80}(?:cookies|terms|privacy[ \t]+policy).{0,20}"
    r"|(?:more|latest)[ \t]+(?:from|on|in|about)[ \t]+.{1,40}"
    r"|do[ \t]+not[ \t]+sell(?:[ \t]+or[ \t]+share)?[ \t]+my[ \t]+personal[ \t]+information"
    r"|join[ \t]+the[ \t]+(?:conversation|discussion|debate)\b.{0,30}"
    r"|(?:content|page|information)?[ \t]*(?:current|correct|accurate)[ \t]+as[ \t]+(?:of|at)[ \t]*:?[ \t]*[0-9].{0,30}"
    r"|(?:edit|improve|suggest[ \t]+(?:an[ \t]+)?edits?[ \t]+to)[ \t]+this[ \t]+page(?:[ \t]+on[ \t]+\w+)?"
    r"|contributors?[ \t]*:[ \t]*[\w.-]+(?:[ \t]*,[ \t]*[\w.-]+){0,9}"
    r"(?:,?[ \t]+and[ \t]+(?:[0-9]+[ \t]+others?|[\w.-]+))?"
    r"|report[ \t]+an?[ \t]+(?:problem|issue|error|bug|mistake)[ \t]+(?:with|on|in)[ \t]+this[ \t]+"
    r"(?:page|article|story)"
    r"|(?:automatic|automated|machine)[ \t]+translation\b.{0,100}"
    # a paywall's meter: "You have 2 free articles remaining this month"
    r"|(?:you[ \t]+have[ \t]+)?(?:[0-9]{1,3}|one|two|three)[ \t]+(?:free[ \t]+)?(?:articles?|stories|reads)[ \t]+"
    r"(?:remaining|left)\b.{0,30}"
    # a player's or a gallery's title: "Watch: Protesters gather outside parliament (2:14)"
    r"|(?:watch|listen|video|audio|podcast|gallery|in[ \t]+pictures|live)[ \t]*:[ \t]*.{1,100}"
    # a story's topics: "Filed under: Employment Law", "Topics: Trade, Energy"
    r"|(?:filed|posted|published|listed)[ \t]+(?:under|in)(?:[ \t]*:|[ \t]+(?-i:[A-Z])).{1,100}"
    r"|(?:topics?|categor(?:y|ies)|keywords)[ \t]*:.{1,100}"
    # a page's reference and download lines: "Ref: ISBN 978-...", "PDF, 1.2 MB, 34 pages"
    r"|(?:ref(?:erence)?[ \t]*:?[ \t]*)?(?:isbn|issn|doi)\b[ \t]*:?[ \t]*[0-9][0-9xX./ -]{6,40}"
    # a translation's notice: "This page is also available in French", "disponible en français"
    r"|(?:this[ \t]+(?:page|article|document)[ \t]+(?:is[ \t]+)?)?(?:also[ \t]+)?available[ \t]+in[ \t]+"
    r"(?-i:[A-Z]\w+)(?:[ \t]*(?:,|and|or)[ \t]*(?-i:[A-Z]\w+)){0,6}"
    r"|(?:this[ \t]+(?:page|article|text)[ \t]+(?:has[ \t]+been|was)[ \t]+)?(?:machine[ -]|automatically[ \t]+)?"
    r"translated(?:[ \t]+automatically)?(?:[ \t]+(?:by|with|using)[ \t]+.{1,40})?",
    re.IGNORECASE,
)
# Formulas of a frame told by a phrase inside a short line, whatever is around
# it: "Register for free to keep reading", "Download the report (PDF, 2.4 MB)",
# "Cette page est également disponible en français".
_FRAME_INSIDE_RE = re.compile(
    r"\b(?:to|and)[ \t]+(?:keep|continue|start)[ \t]+(?:reading|watching|listening)\b"
    r"|\(?\b(?:pdf|html|docx?|odt|epub|csv|xlsx?|rtf|zip)[ \t]*[,(][ \t]*[0-9]{1,4}(?:[.,][0-9]{1,2})?"
    r"[ \t]*(?:kb|mb|gb|kib|mib)\)?(?:[ \t]*,[ \t]*[0-9]{1,4}[ \t]+pages?)?\)?$"
    r"|\b(?:disponible[ \t]+en|disponibile[ \t]+in|verfügbar[ \t]+auf|dostępna[ \t]+w|beschikbaar[ \t]+in)\b",
    re.IGNORECASE,
)
_FRAME_INSIDE_MARKS = (
    "reading",
    "watching",
    "listening",
    "b)",
    "page",
    "disponib",
    "verfügbar",
    "dostępna",
    "beschikbaar",
)
# Languages by their own names, as a language switcher lists them.
_ENDONYMS = (
    r"(?:english|français|francais|español|espanol|deutsch|italiano|português|portugues|русский|українська|"
    r"中文|简体中文|繁體中文|日本語|한국어|العربية|فارسی|עברית|हिन्दी|türkçe|polski|nederlands|svenska|dansk|norsk|suomi|"
    r"čeština|română|magyar|ελληνικά|tiếng[ \t]+việt|bahasa(?:[ \t]+(?:indonesia|melayu))?|kiswahili|ไทย|cymraeg|"
    r"gaeilge|gàidhlig|català|euskara|galego|hrvatski|slovenčina|slovenščina|srpski|български|eesti|latviešu|"
    r"lietuvių|íslenska|filipino|বাংলা|اردو|தமிழ்|हिंदी)"
)
# Parts of a furniture line between its separators, that no sentence has alone:
# a handle, a duration, a file's size or format, a button's words.
# The words of a button of more than one word.
_BUTTON_PHRASES = (
    r"ok(?:ay)?,?[ \t]+got[ \t]+it|got[ \t]+it|not[ \t]+now|learn[ \t]+more|show[ \t]+original|always[ \t]+active|"
    r"no,?[ \t]+thanks|maybe[ \t]+later|accept[ \t]+(?:all|&[ \t]+close|and[ \t]+close)|reject[ \t]+all|"
    r"allow[ \t]+(?:all|selection|cookies)|save[ \t]+and[ \t]+close|"
    r"save[ \t]+(?:my[ \t]+)?(?:preferences|settings|choices|selection)(?:[ \t]+(?:&|and)[ \t]+close)?|"
    r"add[ \t]+to[ \t]+home[ \t]+screen|hide[ \t]+this[ \t]+(?:message|banner|notice)|cancel[ \t]+any[ \t]*time|"
    r"(?:choose|select|compare|see|view)[ \t]+(?:a[ \t]+|your[ \t]+|our[ \t]+|all[ \t]+)?plans?"
)
_FURNITURE_PART_RE = re.compile(
    r"@[\w.]{2,30}|\(?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\)?(?:[ \t]*/[ \t]*[0-9]{1,2}:[0-9]{2})?"
    r"|(?:[0-9]{1,3}[ \t]*(?:min|mins|minutes?)(?:[ \t]+(?:read|listen|watch))?)"
    r"|(?:html|pdf|docx?|odt|epub|csv|xlsx?|rtf|txt)(?:[ \t]*\(?[0-9.,]+[ \t]*[kmg]i?b\)?)?"
    rf"|(?:{_BUTTON_PHRASES}|yes|no|ok(?:ay)?|allow|block|close|dismiss|cancel|continue|accept|reject|decline|agree|"
    r"show[ \t]+(?:more|less)|sign[ \t]+(?:in|up|out)|log[ \t]+(?:in|out)|register|subscribe|donate|menu|search|more|"
    r"less|reply|report|like|share|save|print|email|feedback|edit|flag|follow|hide|mute|unmute|play|pause|"
    r"[0-9]{1,3}[ \t]+of[ \t]+[0-9]{1,3}|(?:see|view|show|read)[ \t]+(?:all|more|full)(?:[ \t]+\w+)?|"
    rf"(?:read[ \t]+in[ \t]*:?[ \t]*|language[ \t]*:[ \t]*)?{_ENDONYMS}[ \t]*▼?)[ \t]*[.!?]?",
    re.IGNORECASE,
)
# The separators of such a line: a bar, a middle dot, a bullet, a spaced dash or
# slash, a question mark ending a prompt ("Allow notifications? Not now | Allow").
# A page's metadata field, told as such only beside another: "Reference: DRA/2023/114".
_FIELD_RE = re.compile(
    r"(?:(?:document|content|page|publication|resource)[ \t]+type|type|ref(?:erence)?|format|topics?|tags?|"
    r"categor(?:y|ies)|section|region|series|collection|audience|(?:first[ \t]+|last[ \t]+)?(?:published|updated)|"
    r"from|part[ \t]+of|organi[sz]ation|department|read(?:ing)?[ \t]+time)[ \t]*:[ \t]*[^:|·•]{1,40}",
    re.IGNORECASE,
)
# A call to act, as a button says it after a line's phrase.
_CALL_RE = re.compile(
    r"(?:donate|subscribe|sign[ \t]+up|download|learn[ \t]+more|read[ \t]+more|find[ \t]+out[ \t]+more|"
    r"get[ \t]+started|try[ \t]+it|shop[ \t]+now|buy[ \t]+now|give[ \t]+now|donate[ \t]+now|join[ \t]+now|"
    r"subscribe[ \t]+now|sign[ \t]+up[ \t]+now|click[ \t]+here|contact[ \t]+us)[ \t]*[.!»›→]?",
    re.IGNORECASE,
)
# Buttons of more than one word, alone on a line: "OK, got it", "Not now", "Show original".
_BUTTONS_RE = re.compile(rf"(?:{_BUTTON_PHRASES})[ \t]*[.!]?", re.IGNORECASE)
_FURNITURE_SPLIT_RE = re.compile(r"[ \t]+[|·•/–—-][ \t]+|[ \t]*[|·•;][ \t]*|(?<=\?)[ \t]+")
_SPONSOR_RE = re.compile(
    r"(?:sponsored|promoted|presented|supported|brought[ \t]+to[ \t]+you|paid[ \t]+partnership|in[ \t]+partnership|"
    r"paid[ \t]+(?:content|post|feature)|powered|hosted)"
    r"(?:[ \t]+(?:content|links|post))?(?:[ \t]+in[ \t]+(?:partnership|association|collaboration))?"
    r"[ \t]+(?:by|with)[ \t]+.{1,60}",
    re.IGNORECASE,
)
# A sponsor's label whose name is a logo beside it: "Brought to you by", "This event is kindly supported by".
_SPONSOR_LABEL_RE = re.compile(
    r"(?:this[ \t]+[\w-]+[ \t]+(?:is|was)[ \t]+)?(?:kindly[ \t]+|generously[ \t]+|proudly[ \t]+)?"
    r"(?:sponsored|presented|supported|funded|underwritten|powered|brought[ \t]+to[ \t]+you|made[ \t]+possible|hosted)"
    r"(?:[ \t]+in[ \t]+(?:partnership|association|collaboration))?[ \t]+(?:by|with)[ \t]*:?"
    r"|(?:in[ \t]+)?(?:partnership|association|collaboration)[ \t]+with[ \t]*:?",
    re.IGNORECASE,
)
# A copyright line with the marks of a site's footer (the sign, "all rights reserved",
# a company's registration): anywhere but among a document's opening lines.
_FOOTER_COPYRIGHT_RE = re.compile(
    r"(?:copyright[ \t]*)?©.{0,120}"
    r"|(?:copyright[ \t]*)?\(c\)[ \t]*[0-9]{4}.{0,80}"
    r"\b(?:ltd|limited|inc|llc|gmbh|plc|corp|group|media|news|press)\b.{0,60}"
    r"|.{0,80}\ball[ \t]+rights[ \t]+reserved\b.{0,80}"
    r"|.{0,80}\b(?:crown[ \t]+copyright|registered[ \t]+in[ \t]+\w+|(?:company|charity)[ \t]+(?:no|number))\b.{0,80}",
    re.IGNORECASE,
)


# A consent banner's title: "We value your privacy", "Your privacy matters to us".
_PRIVACY_BANNER_RE = re.compile(
    r"(?:we[ \t]+(?:value|respect|care[ \t]+about|take)[ \t]+your[ \t]+privacy(?:[ \t]+seriously)?"
    r"|your[ \t]+privacy[ \t]+(?:matters|is[ \t]+important)(?:[ \t]+to[ \t]+us)?)[ \t]*!?",
    re.IGNORECASE,
)
# What a footer's copyright line has at least one of (a cheap test before its pattern).
_FOOTER_MARKS = ("©", "(c)", "copyright", "rights", "registered", "company", "charity")
_C_YEAR_RE = re.compile(r"(?:copyright[ \t]*)?\(c\)[ \t]*[0-9]{4}", re.IGNORECASE)
_REGISTRATION_RE = re.compile(r"\b(?:company|charity|registration|vat)[ \t]+(?:no\b|number)", re.IGNORECASE)
_FOOTER_MARK_RE = re.compile(r"all[ \t]+rights|\||registered[ \t]+in", re.IGNORECASE)


# -- furniture in sentences ---------------------------------------------------------
# A page says things about itself that a document never says about its own text:
# notes on the article's life (amended, updated, corrected, originally published,
# in print, republished, produced with others, part of a series), disclaimers of its
# views and of advice, its author's bio, a paywall's, a donation appeal's and a
# consent banner's sentences, an affiliate's notice, a player's fallback.  Each is
# told by a subject only a page has ("this article", "the author", "we and our 143
# partners") with a predicate of its kind, or by a formula no document uses; a
# document's sentences sharing the words ("We may update this Privacy Statement",
# "see this article on the Commission's website", "GitHub uses cookies to ...") lack
# one or the other.  Such a sentence governs a short block only as its first one.

# What a page calls itself, not what a document does ("this Policy", "this License",
# "this Article" of a regulation: a capital is a legal article's).
_PIECE = (
    r"(?:(?-i:article)|story|stories|post|blog[ \t]+post|piece(?![ \t]+of\b)|op-ed|newsletter|alert|briefing|bulletin|"
    r"interview|episode|podcast|video|headline|commentary|explainer|obituary|photo|photograph|graphic)s?"
)
_PIECE_REF_RE = re.compile(
    rf"\b(?:this|the[ \t]+(?:original|earlier|previous|online|print)|(?:an?|the)[ \t]+(?:earlier|previous|older|print|"
    rf"online)[ \t]+(?:version|edition|headline|draft)[ \t]+of[ \t]+(?:this|the))[ \t]+{_PIECE}\b"
    r"|\ban?[ \t]+(?:earlier|previous)[ \t]+(?:version|headline|draft)\b",
    re.IGNORECASE,
)
# What happened to a piece, or what it is not.
_EDITED_RE = re.compile(
    r"\b(?:(?:was|were|has[ \t]+been|have[ \t]+been|had[ \t]+been|is[ \t]+being|is)[ \t]+"
    r"(?:(?:originally|first|later|since|subsequently|also|automatically|substantially)[ \t]+)?"
    r"(?:(?:amended|changed|revised)(?![ \t]+(?:by|pursuant|under)\b)|updated|corrected|edited|clarified|expanded|"
    r"retitled|renamed|withdrawn|published|re-?published|reprinted|translated|produced|co-?produced|co-?published|"
    r"adapted|excerpted|condensed|archived)"
    r"|appear(?:s|ed)?[ \t]+in[ \t]+print|print[ \t]+edition|(?:originally|first)[ \t]+(?:appeared|ran)"
    r"|mis(?:stated|spelled|spelt|identified|attributed|quoted|reported|named|represented|characteri[sz]ed)"
    r"|incorrectly[ \t]+(?:stated|said|reported|described|identified|gave|named|spelled|spelt)|erroneously"
    r"|part[ \t]+of[ \t]+[^.!?]{0,60}?\bseries"
    r"|for[ \t]+(?:general[ \t]+)?information(?:al)?[ \t]+purposes[ \t]+only"
    r"|not[ \t]+(?:intended[ \t]+(?:to[ \t]+be|as)[ \t]+|constitute[ \t]+)(?:an?[ \t]+)?"
    r"(?:legal|financial|investment|tax|medical|professional)[ \t]+advice)\b",
    re.IGNORECASE,
)
# (in lower case but at a sentence's start: "on 2 May 2024" is a date)
_MODAL_RE = re.compile(
    r"\b(?:may|might|will|shall|must|should|would|can|could)\b|^(?:Might|Will|Shall|Must|Should|Would|Can|Could)\b"
)
# A note's label: "Editor's note:", "Correction, 4 May 2022:", "Update (3:40 p.m.):".
_NOTE_LABEL_RE = re.compile(
    r"(?:(?:editor|editors|author|publisher)(?:['’]s|s['’])?[ \t]+note|note[ \t]+to[ \t]+readers|"
    r"corrections?(?:[ \t]+(?:and|&)[ \t]+clarifications?)?|clarifications?|updated?|disclosures?)"
    r"(?:[ \t]*\([^()\n]{1,30}\)|[ \t]*,[ \t]*[^:\n]{1,30})?[ \t]*:",
    re.IGNORECASE,
)
_AUTHOR_RE = re.compile(r"\bthe[ \t]+(?:authors?|writers?|reporters?|columnists?|contributors?)\b", re.IGNORECASE)
# Formulas a page's note or banner opens with, whatever its subject.
_NOTICE_RE = re.compile(
    # the author's interests and views
    r"the[ \t]+(?:authors?|writers?|reporters?|columnists?)[ \t]+(?:holds?|owns?|has|have)[ \t]+(?:no[ \t]+)?"
    r"(?:long[ \t]+|short[ \t]+|financial[ \t]+)?(?:positions?|shares|stakes?|interests?|investments?)\b"
    r"|.{0,40}?\b(?:views|opinions)[ \t]+(?:expressed|stated|presented|contained)\b[^.!?]{0,60}?"
    r"\b(?:(?:are|is)[ \t]+(?:solely[ \t]+|entirely[ \t]+)?(?:those|that)[ \t]+of|(?:the|its|their)[ \t]+"
    r"(?:authors?|writers?|contributors?|speakers?))\b"
    r"|.{0,80}?\bnot[ \t]+necessarily[ \t]+(?:reflect|represent)[ \t]+(?:the[ \t]+)?(?:views|opinions|positions?|"
    r"polic(?:y|ies)|official)"
    # an archived page
    r"|archived[ \t]+(?:content|page|article|material|publication|web[ \t]+page|version)\b"
    r"|(?:this[ \t]+(?:page|content|article|site|website|guidance|publication)|the[ \t]+(?:page|site|website|"
    r"content))[ \t]+(?:is|was|has[ \t]+been)[ \t]+"
    r"(?:archived|withdrawn|superseded|no[ \t]+longer[ \t]+(?:being[ \t]+)?(?:updated|maintained|current|reviewed))\b"
    # where a piece first ran: "Originally published in The Herald on 12 Jan. 2021."
    r"|(?:originally|first)[ \t]+(?:published|appeared|posted|ran)[ \t]+(?:in|on|at|by)\b(?P<origin>[^!?;]{1,80})$"
    # a consent banner: the framework's own words, the reader's choice told back, a request
    r"|we[ \t]+and[ \t]+our[ \t]+[0-9]{1,4}[ \t]+(?:partners|vendors|third[ \t-]+parties)"
    r"|.{0,60}?\b(?:store|access)[ \t]+and/or[ \t]+(?:access|store)[ \t]+information[ \t]+on[ \t]+(?:a|your)"
    r"[ \t]+device"
    r"|you(?:['’]ve|[ \t]+have)[ \t]+(?:accepted|rejected|declined|refused|agreed[ \t]+to|allowed|disabled|"
    r"enabled)[ \t]+(?:all[ \t]+|additional[ \t]+|optional[ \t]+|non-essential[ \t]+|analytics[ \t]+|"
    r"the[ \t]+use[ \t]+of[ \t]+){0,2}cookies"
    r"|we(?:['’]d|[ \t]+would)[ \t]+like[ \t]+to[ \t]+(?:set|use|place|store)[ \t]+(?:some[ \t]+)?(?:additional[ \t]+|"
    r"optional[ \t]+|analytics[ \t]+|extra[ \t]+)?cookies"
    # a paywall: its meter, a members-only notice, a countdown
    r"|you(?:['’]ve|[ \t]+have)[ \t]+(?:read|used|viewed|opened)[ \t]+(?:[0-9]{1,3}|one|two|three|four|five|all)"
    r"[ \t]+(?:of[ \t]+(?:your[ \t]+)?(?:[0-9]{1,3}|one|two|three|four|five|ten)[ \t]+)?(?:free[ \t]+)?"
    r"(?:articles?|stories|reads|pieces)\b"
    r"|(?:read|used|viewed)[ \t]+[0-9]{1,3}[ \t]+of[ \t]+(?:your[ \t]+)?[0-9]{1,3}[ \t]+(?:free[ \t]+)?"
    r"(?:articles?|stories|reads|pieces)\b"
    r"|you(?:['’]ve|[ \t]+have)[ \t]+(?:reached|hit|used[ \t]+up)[ \t]+(?:your|the)[ \t]+(?:monthly[ \t]+|weekly[ \t]+|"
    r"free[ \t]+){0,2}(?:article[ \t]+|story[ \t]+)?limit"
    r"|this[ \t]+(?:content|article|story|page|post|video|podcast|episode|briefing)[ \t]+is[ \t]+(?:only[ \t]+)?"
    r"(?:available[ \t]+|reserved[ \t]+|exclusive[ \t]+)?(?:exclusively[ \t]+|only[ \t]+)?(?:for|to)[ \t]+"
    r"(?:our[ \t]+)?(?:members|subscribers|(?:paying|premium|registered|digital|paid)[ \t]+"
    r"(?:members|subscribers|users|readers))"
    # a donation appeal: "Give once or give monthly.", "Support independent journalism."
    r"|(?:give|donate|chip[ \t]+in)[ \t]+(?:once|monthly|today|now)\b"
    r"|every[ \t]+(?:contribution|donation|gift)\b[^.!?]{0,60}\b(?:our|independent)[ \t]+"
    r"(?:journalism|reporting|newsroom)"
    r"|(?:support|fund|back|sustain)[ \t]+(?:our[ \t]+|independent[ \t]+|quality[ \t]+|local[ \t]+|"
    r"nonprofit[ \t]+){1,2}(?:journalism|reporting|newsroom)"
    # an affiliate's notice, a player's fallback, a log-in prompt
    r"|.{0,80}?\bearns?[ \t]+(?:a[ \t]+)?(?:small[ \t]+)?(?:affiliate[ \t]+)?commissions?\b[^.!?]{0,60}?"
    r"\b(?:links?|buy[ \t]+(?:something|through|via|from)|purchases?[ \t]+(?:through|via|made[ \t]+through))\b"
    r"|.{0,60}?\b(?:contains?|includes?|uses?|may[ \t]+contain)[ \t]+affiliate[ \t]+links\b"
    r"|(?:sorry,?[ \t]+)?your[ \t]+browser[ \t]+(?:does[ \t]+not|doesn['’]t|cannot|can['’]t|"
    r"is[ \t]+unable[ \t]+to)[ \t]+(?:support|play|display|render|show)"
    r"|(?:please[ \t]+)?(?:enable|turn[ \t]+on|activate)[ \t]+javascript"
    r"|javascript[ \t]+(?:is[ \t]+)?(?:required|disabled|not[ \t]+enabled|must[ \t]+be[ \t]+enabled)"
    r"|(?:log|sign)[ \t]+(?:in|on)[ \t]+(?:with|using|via|through)[ \t]+(?:your[ \t]+)?(?:[\w-]+[ \t]+){0,2}"
    r"(?:account|credentials|e-?mail|id|login|details|sso|google|apple|facebook|microsoft|linkedin)[.!]?$"
    # a comment form: "Your email address will not be published. Required fields are marked *"
    r"|your[ \t]+e-?mail(?:[ \t]+address)?[ \t]+will[ \t]+not[ \t]+be[ \t]+(?:published|shared|displayed)"
    r"|required[ \t]+fields[ \t]+are[ \t]+marked"
    r"|comments?[ \t]+(?:are|is)[ \t]+(?:now[ \t]+)?(?:closed|disabled|turned[ \t]+off)"
    r"|notify[ \t]+me[ \t]+of[ \t]+(?:new|follow-?up)[ \t]+(?:comments|posts|replies)"
    r"|save[ \t]+my[ \t]+name,?[ \t]+e-?mail"
    r"|this[ \t]+(?:site|page|form)[ \t]+is[ \t]+protected[ \t]+by[ \t]+recaptcha"
    # a page's own identity: "An official website of the United States government"
    r"|an?[ \t]+official[ \t]+(?:website|web[ \t]+site|site)[ \t]+of[ \t]+[^.,;:!?]{1,80}$"
    # a bio's handle: "Follow her on X @pcastell."
    r"|follow[ \t]+(?:him|her|them|me|us)[ \t]+(?:on|at)[ \t]+[\w.]{1,20}(?:[ \t]+(?:at[ \t]+)?@[\w.]{2,30})?[.!]?$",
    re.IGNORECASE,
)
# Words one of _NOTICE_RE's formulas has (a cheap test before it), bare or before a stop.
_NOTICE_WORDS = frozenset(
    word + stop
    for stop in ("", ".", ",", ":", ";")
    for word in (
        "author authors writer writers reporter reporters columnist columnists views opinions necessarily archived "
        "withdrawn superseded longer originally published appeared posted ran partners vendors and/or cookies "
        "article articles stories reads pieces limit members subscribers users readers give donate chip contribution "
        "donation gift journalism reporting newsroom commission commissions affiliate browser javascript log sign "
        "official follow email e-mail required comments comment notify save recaptcha"
    ).split()
)
_PIECE_WORDS = _words("this earlier previous original")
# A clause's subject after an opening phrase ("First published in 2020, this strategy sets out ...").
_SUBJECTS = _words("this these it we they our its their i you he she")
_BIO_MARK_RE = re.compile(r" (?:is|was) (?:a|an|the) ")
# An author's bio: "Priya Castellanos is a senior fellow in the Energy Security Program at ...".
_BIO_RE = re.compile(
    r"(?P<name>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3})[ \t]+(?:is|was)[ \t]+(?:a|an|the)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,4}?(?i:fellow|reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|"
    r"photographer|researcher|analyst|economist|professor|lecturer|scholar|partner|associate|counsel|author|novelist|"
    r"commentator|blogger|student|candidate|intern|freelancer|strategist|consultant)s?\b"
)
# Sentences that are furniture only beside another piece of furniture (a
# banner's second sentence, a form's reassurance, a footer's registration): a
# privacy statement may say "This website uses cookies to ..." or name the
# company it is registered as, alone.
_TRAILER_RE = re.compile(
    r"(?:(?:it|this)[ \t]+(?:only[ \t]+)?takes[ \t]+(?:just[ \t]+|only[ \t]+)?(?:a|one|two|[0-9]{1,2})[ \t]+"
    r"(?:minute|minutes|moment|second|seconds|click)"
    r"|it['’]?s[ \t]+(?:free|quick|easy)(?:[ \t]+and[ \t]+(?:free|quick|easy))?"
    r"|no[ \t]+spam(?:[ \t]+ever)?|unsubscribe[ \t]+(?:at[ \t]+any[ \t]+time|anytime)"
    r"|we(?:['’]ll|[ \t]+will)?[ \t]+never[ \t]+(?:share|sell|spam|pass[ \t]+on)\b.{0,40}"
    r"|report[ \t]+an?[ \t]+(?:issue|problem|error|bug|mistake)|view[ \t]+original"
    r"|(?:it|this[ \t]+(?:page|content|article))[ \t]+(?:is|has[ \t]+been)[ \t]+kept[ \t]+(?:online[ \t]+)?for[ \t]+"
    r"(?:reference|archival|historical|record)\b.{0,30}"
    r"|(?:your[ \t]+)?(?:free[ \t]+)?trial[ \t]+(?:ends|expires)[ \t]+(?:in[ \t]+(?:[0-9]{1,3}|one|two|three)[ \t]+"
    r"(?:days?|hours?)|today|tomorrow|soon)"
    r"|(?:this|our)[ \t]+(?:site|website)[ \t]+uses[ \t]+cookies\b.{0,80}"
    r"|(?:you[ \t]+can[ \t]+)?change[ \t]+your[ \t]+cookie[ \t]+(?:settings|preferences)\b.{0,30}"
    r"|we[ \t]+(?:won['’]t|will[ \t]+not)[ \t]+set[ \t]+.{0,40}\bcookies[ \t]+unless\b.{0,40}"
    r"|.{1,60}?\b(?:registered|incorporated)[ \t]+in[ \t]+[^.]{1,40}?[ \t](?:with|under)[ \t]+(?:company[ \t]+|"
    r"registration[ \t]+|registered[ \t]+)?(?:number|no\.?)[ \t]+[A-Z]{0,3}[0-9]{4,}"
    r")[ \t]*[.!]?",
    re.IGNORECASE,
)
# A picture's caption with its credit: "Demonstrators gather outside the ministry. Photograph: A. Kerr/Herald".
_CAPTION_CREDIT_RE = re.compile(
    r"[.!?][\"'”’)]?[ \t]+\(?(?:photo(?:graph)?|image|picture|illustration)(?:[ \t]+(?:credit|courtesy))?s?[ \t]*"
    r"(?::|©)[ \t]*[^.:;!?]{2,80}\)?$",
    re.IGNORECASE,
)
_CAPTION_MARKS = ("photo", "image", "picture", "illustration")


def _first_sentence(text: str) -> tuple[str, int]:
    """``text``'s first sentence, and how many sentences it has."""
    if _SENTENCE_END_RE.search(text, 0, len(text) - 1) is None:
        return text, 1
    first = ""
    count = 0
    for match in _SENTENCE_END_RE.finditer(text):
        following = text[match.end() :].lstrip()[:1]
        if ends_sentence(text, match.start() + 1) and not (following.islower() or following.isdigit()):
            count += 1
            first = first or text[: match.end()]
    rest = text[len(first) :].strip() if first else text
    return (first or text), count + (1 if rest else 0)


def _notice(text: str, folded: str) -> bool:
    """A page's sentence about itself, its author, its paywall or its banner
    (see the section's comment), opening a block of at most three sentences."""
    tokens = folded.split()
    label = _NOTE_LABEL_RE.match(text) if ":" in text[:48] else None
    piece = _PIECE_REF_RE.search(text) if not _PIECE_WORDS.isdisjoint(tokens) else None
    formula = not _NOTICE_WORDS.isdisjoint(tokens)
    bio = text[:1].isupper() and _BIO_MARK_RE.search(text) is not None
    if label is None and piece is None and not formula and not bio:
        return False
    first, count = _first_sentence(text)
    if count > 3:
        return False
    if label is not None:
        if piece is not None or _AUTHOR_RE.search(text):
            return True  # "Correction, 4 May 2022: An earlier version of this article ..."
        first = _first_sentence(text[label.end() :].strip())[0]  # "Update: This page is no longer maintained."
    if piece is not None and _PIECE_REF_RE.search(first) and _EDITED_RE.search(first) and not _MODAL_RE.search(first):
        return True  # "This article was amended on 19 October 2023 to correct ..."
    notice = _NOTICE_RE.match(first) if formula else None
    if notice is not None:
        origin = notice["origin"]
        # "Originally published in 1997, this policy was revised ...": a sentence of the document's own
        return origin is None or not any(w.casefold() in _VERBS or w.casefold() in _SUBJECTS for w in origin.split())
    match = _BIO_RE.match(first) if bio else None
    return match is not None and match["name"].split()[0] not in _CAPITAL_STARTERS


# -- furniture of one line, by its form ----------------------------------------------
# Counters: "SHARE 0", "1.2K shares", "Like 58 · Reply · Report".
_COUNT_RE = re.compile(r"[0-9]{1,3}(?:[,.][0-9]{1,3}){0,3}[kKmM]?\+?")
_COUNTER_SPLIT_RE = re.compile(r"[\s|·•/,:()\[\]]+")
_COUNTED = _words(
    "shares comments likes views votes replies reactions retweets reposts followers claps upvotes downvotes reads "
    "listens plays downloads stars forks responses share like tweet pin clap upvote star fork"
)
_COUNTER_BUTTONS = _words("reply report comment comments save flag")
# A company's, a charity's or a tax registration: "ABN 47 612 309 881", "EIN 84-2291047 · 501(c)(3) nonprofit".
_IDENTIFIER_RE = re.compile(
    r"\b(?:(?:abn|acn|arbn|ein|fein|tin|vat|gst|hst|crn|uen|nzbn|siret|siren|rcs|kvk|hrb|hra|ust-?idnr|nif|cif|cuit|"
    r"duns|frn|nmls|oscr)\.?(?:[ \t]+(?:reg(?:istration)?\.?|no\.?|number|nr\.?|id|#)){0,3}"
    r"|(?:company|charity|registration|registered|business|firm|tax|trade)(?:[ \t]+(?:reg(?:istration)?\.?|registered|"
    r"no\.?|number|nr\.?|id|#|reference|identification)){1,3})"
    r"[ \t]*[:#.]?[ \t]*(?-i:[A-Z]{0,3}[ \t]?[0-9](?:[0-9A-Z]|[ ./-][0-9A-Z]){3,22})"
    r"|\b501[ \t]*\(c\)[ \t]*\([0-9]{1,2}\)",
    re.IGNORECASE,
)
_LEGAL_FORMS = _words(
    "nonprofit non-profit not-for-profit charity charitable organization organisation company limited by guarantee "
    "registered in england wales scotland northern ireland office tax-exempt exempt public benefit corporation "
    "incorporated ltd llp llc inc plc gmbh ag sa bv pty cic cio a an the and of no number is"
)
# Widgets' labels: text size, a form's counter, a gallery's place, a list of results.
_WIDGET_LABEL_RE = re.compile(
    r"(?:text[ \t]+size[ \t]*:?[ \t]*)?a[-−–+]{0,2}(?:[ \t]+a[-−–+]{0,2}){1,3}"
    r"|(?:characters?|chars?|words?)[ \t]+(?:remaining|left)[ \t]*:?[ \t]*[0-9]{1,5}"
    r"|[0-9]{1,5}(?:[ \t]*/[ \t]*[0-9]{1,5})?[ \t]+(?:characters?|chars?|words?)[ \t]+(?:remaining|left)"
    r"|[0-9]{1,5}[ \t]*/[ \t]*[0-9]{1,5}[ \t]+(?:characters?|chars?)"
    r"|(?:max(?:imum)?|limit)[ \t]*:?[ \t]*[0-9]{1,5}[ \t]+(?:characters?|chars?)"
    r"|(?:image|photo|picture|slide|photograph|graphic|video|item|story)s?[ \t]+[0-9]{1,3}[ \t]*(?:of|/)[ \t]*"
    r"[0-9]{1,3}"
    r"|(?:showing[ \t]+)?(?:results?[ \t]+)?[0-9]{1,5}[ \t]*[-–][ \t]*[0-9]{1,5}[ \t]+of[ \t]+[0-9][0-9,]{0,8}"
    r"(?:[ \t]+results?)?"
    # where a page's navigation puts the reader: "In this section", "On this page"
    r"|(?:in|on|within)[ \t]+this[ \t]+(?:section|page|article|guide|story|site|series)"
    # a picture's file name: "IMG_4471.jpg"
    r"|[\w.-]{1,60}\.(?:jpe?g|png|gif|webp|svg|tiff?|heic|bmp|mp4|mov|mp3|wav)"
    # recirculation: "You may also be interested in", "Explore our other work on ...", "See all insights",
    # "View all posts by ...", "Up next: ...", "Continue reading: ..."
    r"|you[ \t]+(?:may|might|could|will)[ \t]+also[ \t]+(?:like|enjoy|love|want[ \t]+to[ \t]+(?:read|watch|see)|"
    r"be[ \t]+interested(?:[ \t]+in)?)(?:[ \t]+[\w'’-]+){0,3}"
    r"|(?:explore|discover|browse)[ \t]+(?:all[ \t]+|more[ \t]+(?:of[ \t]+)?)?our[ \t]+(?:other[ \t]+|latest[ \t]+|"
    r"related[ \t]+|recent[ \t]+)?(?:work|research|articles|stories|coverage|reporting|insights|publications|analysis|"
    r"posts|reports|resources|podcasts|videos|events)\b[^.;:!?]{0,80}"
    r"|(?:see|view|show|browse|explore)[ \t]+(?:all|more)(?:[ \t]+[\w'’-]+){0,2}"
    r"|(?:view|see|read|browse|more)[ \t]+(?:all[ \t]+)?(?:posts|articles|stories|work|contributions|content)[ \t]+"
    r"(?:by|from)[ \t]+.{1,60}"
    r"|(?:up[ \t]+next|next[ \t]+up|coming[ \t]+up|read[ \t]+next|watch[ \t]+next|(?:next|previous)[ \t]+"
    r"(?:post|article|story|episode)|continue[ \t]+reading|keep[ \t]+reading)[ \t]*:[ \t]*.{1,120}"
    r"|(?:attorney|lawyer)[ \t]+advertising(?:[ \t]+material)?"
    # a form's buttons and a widget's states: "Cancel reply", "Loading…", "(opens in a new window)"
    r"|cancel[ \t]+reply|post[ \t]+(?:comment|reply)|(?:loading|please[ \t]+wait)[ \t]*(?:\.\.\.|…)"
    r"|\(?opens[ \t]+in[ \t]+(?:a[ \t]+)?new[ \t]+(?:window|tab)\)?"
    r"|(?:made|built|crafted)[ \t]+with[ \t]+(?:love|care|pride)(?:[ \t]+(?:in|by)[ \t]+.{1,40})?",
    re.IGNORECASE,
)
_FONT_SIZES_RE = re.compile(r"a[-−–+]{0,2}(?:[ \t]+a[-−–+]{0,2}){1,3}", re.IGNORECASE)
# A list of headlines run together: "1 Council approves ring road plan 2 Teachers vote to strike 3 ...".
_RANK_RE = re.compile(r"(?<![\w.,])([0-9]{1,2})[.)]?[ \t]+(?=[A-Z\"“‘'])")
# A widget's glyphs around a line: "Menu ☰", "▶ Watch: 2:47", "See all insights ›".
_GLYPHS = r"\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff›»‹«"
_GLYPH_RE = re.compile(rf"[{_GLYPHS}]")
_EDGE_GLYPHS_RE = re.compile(rf"^[{_GLYPHS}\s]+|[{_GLYPHS}\s]+$")


def _widget_label(text: str) -> bool:
    """A widget's label (see _WIDGET_LABEL_RE); letters for a text's size only with a sign or three of them."""
    match = _WIDGET_LABEL_RE.fullmatch(text.rstrip(".!"))
    if match is None:
        return False
    if text[:1] in "aA" and (len(text) < 2 or not text[1].isalpha()) and _FONT_SIZES_RE.fullmatch(text):
        return any(sign in text for sign in "+-−–") or text.casefold().count("a") >= 3
    return True


def _counter(text: str) -> bool:
    """A share, like or comment button with its count, and buttons beside it."""
    if len(text) > 60:
        return False
    tokens = [token for token in _COUNTER_SPLIT_RE.split(text) if token]
    if not 2 <= len(tokens) <= 8:
        return False
    words = [token.casefold() for token in tokens if _COUNT_RE.fullmatch(token) is None]
    counted = [word for word in words if word in _COUNTED]
    return len(words) < len(tokens) and bool(counted) and all(w in _COUNTED or w in _COUNTER_BUTTONS for w in words)


def _registration(text: str) -> bool:
    """A line of registration numbers, with the legal form beside them and at most a name."""
    if len(text) > 100 or len(_DIGIT_RE.findall(text)) < 5:
        return False
    found = [m.group(0) for m in _IDENTIFIER_RE.finditer(text)]
    if not found or not any(len(_DIGIT_RE.findall(f)) >= 5 for f in found):
        return False
    rest = _WIDGET_WORD_RE.findall(_IDENTIFIER_RE.sub(" ", text))
    names = [w for w in rest if w.casefold() not in _LEGAL_FORMS]
    return len(names) <= 4 and all(w[:1].isupper() for w in names)


def _ranking(text: str) -> bool:
    """Headlines numbered 1, 2, 3 ... run together on one line, none of them a sentence."""
    if text[:1] != "1" or _TERMINAL_RE.search(text) is not None:
        return False
    expected, starts = 1, []
    for match in _RANK_RE.finditer(text):
        if int(match.group(1)) == expected:
            starts.append(match.start())
            expected += 1
    if len(starts) < 3 or starts[0] != 0:
        return False
    items = [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]
    return all(2 <= len(item.split()) <= 16 and not _INNER_SENTENCE_END_RE.search(item) for item in items)


def _link_row(text: str) -> bool:
    """A row of links or a breadcrumb trail: three or more short items (two
    when the separator is a breadcrumb's), most of them capitalized, between
    separators."""
    items = [item.strip() for item in _LINK_ROW_SPLIT_RE.split(text) if item.strip()]
    if len(items) < 2 or any(len(item.split()) > 5 or item[-1:] in ".;:," for item in items):
        return False
    breadcrumb = any(mark in text for mark in (" > ", " » ", " › ", " / "))
    capitalized = sum(1 for item in items if item[:1].isupper() or item[:1].isdigit())
    if len(items) == 2 and not breadcrumb:  # a kicker in capitals: "POLITICS | ELECTIONS 2024"
        return "|" in text and all(item.upper() == item for item in items)
    return (len(items) >= 3 or breadcrumb) and capitalized >= 0.6 * len(items)


def is_boilerplate(text: str, *, at_end: bool = False, at_start: bool = False) -> bool:
    """Is a clause's whole ``text`` web-page furniture: a date or reading-time
    line, a byline, a photo credit, a share/print/comment/follow widget, a
    "related stories" box heading, a cookie banner, a breadcrumb or a row of
    links, an advertisement marker; with ``at_end`` (the clause is among the
    last of its text), a copyright line too?

    The kinds are told by their form and words, not by a list of known lines,
    and only on short lines that do not read as a sentence (a privacy policy
    says "We use cookies" in sentences of its own).

    >>> is_boilerplate("Saturday, 1 April 2023"), is_boilerplate("Share this article")
    (True, True)
    >>> is_boilerplate("© 2024 Example Corp. All rights reserved."), is_boilerplate("Copyright 2024 X", at_end=True)
    (True, True)
    >>> is_boilerplate("Copyright (c) The Regents of the University of California.", at_start=True)
    False
    >>> is_boilerplate("Members may vote by post."), is_boilerplate("Version 3, 29 June 2007")
    (False, False)
    """
    return _told(text, at_end=at_end, at_start=at_start, by_parts=True)


_AUTHORSHIP_RE = re.compile(
    r"(?:written|maintained|debianized|packaged)[ \t]+by\b|authors?:"
    r"|(?:from|to|cc|reply-to|sender|signed-off-by):[ \t]+[^<>\n]*<[^<>@\s]+@[^<>\s]+>",  # a mail's header
    re.IGNORECASE,
)


def documentary(text: str) -> bool:
    """Is ``text`` (a line :func:`is_boilerplate` tells) of a kind that a
    document carries of its own as often as a web page does: a copyright or
    rights line, a date alone, an author's line, a mail's header ("From: John
    Doe <jdoe@example.com>")?  Such lines are set aside like any other, but
    they show no page's furniture: a licence's or a manual's notice and date
    are no sign that the text was scraped.

    >>> documentary("Copyright (C) 1995-2020 Free Software Foundation, Inc."), documentary("2022-12-17")
    (True, True)
    >>> documentary("Share this article"), documentary("Sign up for our newsletter")
    (False, False)
    """
    stripped = text.strip().strip("|•·-–— \t*#")
    folded = stripped.casefold()
    return (
        "copyright" in folded
        or "©" in stripped
        or "rights reserved" in folded
        or _COPYRIGHT_RE.fullmatch(stripped) is not None
        or _DATE_RE.fullmatch(stripped) is not None
        or _AUTHORSHIP_RE.match(stripped) is not None
    )


def _told(text: str, *, at_end: bool, at_start: bool, by_parts: bool) -> bool:
    """:func:`is_boilerplate`; ``by_parts``: also as a line of furniture parts."""
    stripped = text.strip().strip("|•·-–— \t")
    if not stripped or len(stripped) > 200:
        return False
    if _GLYPH_RE.match(stripped) or _GLYPH_RE.match(stripped, len(stripped) - 1):
        # A widget's glyphs around its words ("Menu ☰", "▶ Watch: 2:47"): the words are told without
        # them, and one word that makes a widget is one beside its glyph ("Premium 🔒", "Search 🔍").
        stripped = _EDGE_GLYPHS_RE.sub("", stripped).strip("|•·-–— \t")
        if not stripped:
            return False
        if " " not in stripped and stripped.casefold().rstrip(".:!") in _CORE_OF:
            return True
    if at_end and _COPYRIGHT_RE.fullmatch(stripped) is not None:
        return True
    folded = stripped.casefold()
    if (
        any(mark in folded for mark in _FOOTER_MARKS)
        and _FOOTER_COPYRIGHT_RE.fullmatch(stripped)
        and not _reads_as_sentences(stripped)
    ):
        # "© 2024 The Daily Herald. All rights reserved." in the middle of a page; among a text's
        # opening lines only with the marks no notice of a licence has (the sign with more).
        sign = "©" in stripped or _C_YEAR_RE.match(stripped) is not None
        if not at_start or (sign and _FOOTER_MARK_RE.search(stripped)) or _REGISTRATION_RE.search(stripped):
            return True
    if _COOKIE_RE.fullmatch(stripped) and not _SENTENCE_END_RE.search(stripped[-2:] + " "):
        return True  # a banner ends with its button, not with a full stop
    if _notice(stripped, folded):
        return True
    if (
        any(mark in folded for mark in _CAPTION_MARKS)
        and _CAPTION_CREDIT_RE.search(stripped) is not None
        and _first_sentence(stripped)[1] <= 3
    ):
        return True  # a caption's sentence and its picture's credit
    if len(stripped) > 140:
        return False
    if _DATE_RE.fullmatch(stripped) is not None or _BOILERPLATE_RE.fullmatch(stripped) is not None:
        return True
    if _FRAME_RE.fullmatch(stripped) is not None and not stripped.endswith(("; and", ", and", " or")):
        return True
    if (
        len(stripped) <= 100
        and (any(mark in folded for mark in _FRAME_INSIDE_MARKS) or folded.endswith(("kb", "mb", "gb", "ib")))
        and not _SENTENCE_END_RE.search(stripped[:-1])
    ):
        inside = _FRAME_INSIDE_RE.search(stripped)
        if inside is not None and inside.start() <= 60:
            return True
    if _SPONSOR_RE.fullmatch(stripped) is not None and not _reads_as_sentences(stripped):
        return True  # not "Sponsored by the Ministry, the programme shall run ..."
    if _SPONSOR_LABEL_RE.fullmatch(stripped) is not None or _widget_label(stripped):
        return True
    if _DIGIT_RE.search(stripped) is not None and (
        _counter(stripped) or _registration(stripped) or (stripped[:1] == "1" and _ranking(stripped))
    ):
        return True
    words = _WIDGET_WORD_RE.findall(stripped)
    if len(words) > 14 or (stripped[-1:] in ".;:," and len(words) > 4):
        # Sentences, or parts after a semicolon, each of them furniture: "Remove ads. Go Premium",
        # "Reporting by ...; additional reporting by ...; editing by ..." (not a clause's items "...; and").
        return by_parts and len(words) <= 30 and _furniture_parts(stripped, separators=stripped[-1:] not in ".;:,")
    return (
        _dateline(stripped)
        or (2 <= len(words) <= 12 and _widget(words))  # one word alone ("Comments", "Email") may head a section
        or _link_row(stripped)
        or _CREDIT_RE.fullmatch(stripped) is not None
        or _byline(stripped, words)
        or (len(words) <= 8 and _agency_credit(stripped) and not _reads_as_sentences(stripped))
        or _PRIVACY_BANNER_RE.fullmatch(stripped) is not None
        or (len(words) <= 6 and _BUTTONS_RE.fullmatch(stripped) is not None)
        or (by_parts and _furniture_parts(stripped))
    )


def _furniture_parts(text: str, *, separators: bool = True) -> bool:
    """A line of two or more parts between separators (with ``separators``) or
    sentences, each of them furniture: "Listen to this article · 6 min", "Allow
    notifications? Not now | Allow", "Remove ads. Go Premium"; or a short phrase
    and a button after it ("Support independent research — Donate")."""
    if (
        separators
        and _FURNITURE_SPLIT_RE.search(text) is not None
        and _parts_told([part.strip() for part in _FURNITURE_SPLIT_RE.split(text) if part.strip()])
    ):
        return True
    # Sentences as parts: "Remove ads. Go Premium", "Register to continue reading. It only takes a minute."
    # (each part told without its stop: "Audio generated by AI voice." is a player's label)
    sentences = _sentences(text) if ". " in text or "! " in text else []
    return (
        2 <= len(sentences) <= 4
        and all(len(sentence.split()) <= 20 for sentence in sentences)
        and _parts_told(
            [
                part.strip().rstrip(".!").rstrip()
                for sentence in sentences
                for part in _FURNITURE_SPLIT_RE.split(sentence)
                if part.strip().rstrip(".!")
            ]
        )
    )


def _parts_told(parts: Sequence[str]) -> bool:
    """Is each of a line's ``parts`` furniture, one of them at least on its own?"""
    if len(parts) < 2:
        return False
    if (
        len(parts) == 2
        and _CALL_RE.fullmatch(parts[1]) is not None
        and len(parts[0].split()) <= 6
        and parts[0][-1:] not in ".;:,"
        and not _DIGIT_RE.search(parts[0])
    ):
        return True
    alone = False
    for part in parts:
        if part.count(" ") >= 20:
            return False  # a clause's item, no furniture's part
        if (
            _FURNITURE_PART_RE.fullmatch(part) is not None
            or _told(part, at_end=False, at_start=False, by_parts=False)
            or _staff(part)
            or _FIELD_RE.fullmatch(part) is not None  # "Document type: Policy paper | Reference: DRA/2023/114"
        ):
            alone = True
        elif _TRAILER_RE.fullmatch(part) is None:
            return False
    return alone


def _sentences(text: str) -> list[str]:
    """``text`` cut at its sentences' ends (not at an abbreviation's or an initial's)."""
    pieces, start = [], 0
    for match in _SENTENCE_END_RE.finditer(text):
        if ends_sentence(text, match.start() + 1) and text[match.end() :].lstrip()[:1].isupper():
            pieces.append(text[start : match.end()])
            start = match.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _staff(text: str) -> bool:
    """A newsroom role alone: "Staff Writer", "Senior Correspondent"."""
    words = [w.casefold() for w in _WIDGET_WORD_RE.findall(text)]
    return 0 < len(words) <= 4 and words[-1] in _ROLE_WORDS and text[:1].isupper()
