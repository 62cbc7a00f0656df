"""The phone page: plain HTML forms that work on old phones, with a screen reader, with
no script and nothing from elsewhere; large text, high contrast, Welsh and English.
Every word a person typed is escaped before it is written into a page."""

from __future__ import annotations

from html import escape

from coprod_desktop import language
from coprod_desktop.domain import rounds
from coprod_desktop.domain.values import ContributionKind, RoundKind
from coprod_desktop.language import _
from coprod_desktop.phones.room import Phone, RoomNow

TEXT_LIMIT = 1000  # characters in one post
STYLE = """
:root { color-scheme: light dark; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 1.3rem; line-height: 1.5; margin: 0 auto;
  max-width: 36em; padding: 0.8rem; color: #000; background: #fff; }
h1 { font-size: 1.6rem; margin: 0.3rem 0 0.8rem; } h2 { font-size: 1.35rem; margin: 1.4rem 0 0.5rem; }
.now { border-left: 0.4rem solid #0b4f8a; padding: 0.2rem 0.7rem; margin: 0.5rem 0; }
.card { font-style: italic; }
fieldset { border: 2px solid #333; border-radius: 0.4rem; margin: 0.8rem 0; padding: 0.4rem 0.8rem; }
legend { font-weight: bold; padding: 0 0.3rem; }
label { display: block; padding: 0.45rem 0; }
input[type=radio], input[type=checkbox] { width: 1.5rem; height: 1.5rem; vertical-align: middle; margin-right: 0.5rem;
  accent-color: #0b4f8a; }
textarea, input[type=text] { width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem;
  border: 2px solid #333; border-radius: 0.3rem; color: inherit; background: inherit; }
button { font: inherit; font-weight: bold; padding: 0.7rem 1.4rem; margin: 0.6rem 0; border: 2px solid #000;
  border-radius: 0.4rem; background: #0b4f8a; color: #fff; width: 100%; }
button.other { background: #fff; color: #0b4f8a; border-color: #0b4f8a; }
:focus { outline: 3px solid #c60; outline-offset: 2px; }
.told { border: 2px solid #155724; padding: 0.5rem 0.8rem; border-radius: 0.4rem; }
.problem { border: 2px solid #8b0000; padding: 0.5rem 0.8rem; border-radius: 0.4rem; }
.hint { font-size: 1.1rem; }
footer { margin-top: 2rem; font-size: 1.1rem; } a { color: #0b4f8a; }
@media (prefers-color-scheme: dark) {
  body { color: #fff; background: #000; } fieldset, textarea, input[type=text] { border-color: #ccc; }
  .now { border-color: #8ab4f8; } button { background: #8ab4f8; color: #000; border-color: #fff; }
  a { color: #8ab4f8; } .told { border-color: #7bd88f; } .problem { border-color: #ff8c8c; }
  button.other { background: #000; color: #8ab4f8; border-color: #8ab4f8; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def page(title: str, body: str) -> str:
    lang = language.BCP47.get(language.current(), "en")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{_e(title)}</title>\n<link rel="stylesheet" href="/style.css">\n</head>\n'
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _told(told: str, problem: bool = False) -> str:
    if not told:
        return ""
    kind = "problem" if problem else "told"
    return f'<p class="{kind}" role="{"alert" if problem else "status"}">{_e(told)}</p>\n'


def _now(now: RoomNow) -> str:
    parts = []
    if now.item_title:
        shown = _("Now: {item}").format(item=now.item_title)
        parts.append(f'<p class="now">{_e(shown)}</p>')
    if now.card_text:
        on_table = _("The card on the table:")
        parts.append(f'<p class="now">{_e(on_table)} <span class="card" dir="auto">{_e(now.card_text)}</span></p>')
    return "\n".join(parts) + "\n"


def _hidden(phone: Phone) -> str:
    return f'<input type="hidden" name="form" value="{_e(phone.form_key)}">'


def _round_form(now: RoomNow, phone: Phone) -> str:
    shown = now.round
    if shown is None:
        return ""
    legend = shown.question or shown.kind.label
    options = "\n".join(
        f'<label><input type="radio" name="answer" value="{_e(key)}" required> {_e(words)}</label>'
        for key, words in rounds.choices(shown.kind)
    )
    reason = ""
    if shown.kind is RoundKind.CONSENT:
        why = _("If you object, why? (optional)")
        reason = (
            f'<label for="reason">{_e(why)}</label>\n'
            f'<textarea id="reason" name="reason" rows="3" maxlength="{rounds.REASON_LIMIT}"></textarea>'
        )
    heading = _("Answer this round")
    send = _("Send my answer")
    hint = _("Your answer is counted, not named. You can change it while the round is open.")
    return (
        f'<section aria-labelledby="round-heading">\n<h2 id="round-heading">{_e(heading)}</h2>\n'
        f'<form method="post" action="/answer">\n{_hidden(phone)}\n'
        f'<input type="hidden" name="round" value="{_e(shown.id)}">\n'
        f'<fieldset>\n<legend dir="auto">{_e(legend)}</legend>\n{options}\n</fieldset>\n{reason}\n'
        f'<p class="hint">{_e(hint)}</p>\n<button type="submit">{_e(send)}</button>\n</form>\n</section>\n'
    )


def _say_form(phone: Phone, named_as: str, typed: str = "") -> str:
    kinds = "\n".join(
        f'<label><input type="radio" name="kind" value="{k.value}"{" checked" if k is ContributionKind.IDEA else ""}>'
        f" {_e(k.label)}</label>"
        for k in ContributionKind
    )
    me = (
        _("As me ({name})").format(name=named_as)
        if named_as
        else _("As me, with the personal code the facilitator gave me")
    )
    code_label = _("My personal code (only if you chose “as me”)")
    code = (
        ""
        if named_as
        else (
            f'<label for="code">{_e(code_label)}</label>\n'
            '<input type="text" id="code" name="code" autocomplete="off" autocapitalize="characters" '
            'autocorrect="off" spellcheck="false" maxlength="12">'
        )
    )
    # Each word outside the f-strings: Babel (on Python 3.11) reads no _() inside one.
    say, what, kind_q, who_q = (
        _("Say something"),
        _("What you want to say"),
        _("What kind of thing is it?"),
        _("Who is it from?"),
    )
    anonymous, quoted, send = (
        _("Anonymous: no one will know it was me"),
        _("My words may be shown on the big screen and quoted in the summary"),
        _("Send"),
    )
    # A phone handed on should not say as its last owner: the code can be forgotten. The
    # button is the form's own, so the words typed so far go with it and come back.
    forget = _("Not {name}? Forget the personal code on this phone").format(name=named_as) if named_as else ""
    forget_button = (
        f'<button type="submit" formaction="/forget" formnovalidate class="other">{_e(forget)}</button>\n'
        if named_as
        else ""
    )
    return (
        f'<section aria-labelledby="say-heading">\n<h2 id="say-heading">{_e(say)}</h2>\n'
        f'<form method="post" action="/say">\n{_hidden(phone)}\n'
        f'<label for="text">{_e(what)}</label>\n'
        f'<textarea id="text" name="text" rows="4" maxlength="{TEXT_LIMIT}" required dir="auto">{_e(typed)}</textarea>\n'
        f"<fieldset>\n<legend>{_e(kind_q)}</legend>\n{kinds}\n</fieldset>\n"
        f"<fieldset>\n<legend>{_e(who_q)}</legend>\n"
        f'<label><input type="radio" name="as" value="anonymous" checked> {_e(anonymous)}</label>\n'
        f'<label><input type="radio" name="as" value="me"> {_e(me)}</label>\n{code}\n</fieldset>\n'
        f'<label><input type="checkbox" name="quote" value="yes"> {_e(quoted)}</label>\n'
        f'<button type="submit">{_e(send)}</button>\n{forget_button}</form>\n</section>\n'
    )


def _footer(other: str) -> str:
    name = language.NAMES[other]
    refresh = _("See what is on now")
    return (
        f'<footer>\n<p><a href="/">{_e(refresh)}</a></p>\n'
        f'<p><a href="/language?to={other}" lang="{language.BCP47[other]}" hreflang="{language.BCP47[other]}">'
        f"{_e(name)}</a></p>\n</footer>"
    )


def room_page(
    now: RoomNow, phone: Phone, told: str = "", problem: bool = False, named_as: str = "", typed: str = ""
) -> str:
    title = now.title or _("Have your say")
    other = "en" if language.current() == "cy" else "cy"
    closed = "" if now.open else _told(_("The session is not running now, so nothing can be sent."), True)
    body = (
        f'<h1 dir="auto">{_e(title)}</h1>\n{_told(told, problem)}{closed}{_now(now)}'
        + (_round_form(now, phone) + _say_form(phone, named_as, typed) if now.open else "")
        + _footer(other)
    )
    # What was just said comes first in the title too: a screen reader reads the title on arrival.
    return page(_("{told} – {title}").format(told=told, title=title) if told else title, body)


def message_page(title: str, message: str) -> str:
    """A refusal or a dead end, said plainly (no way in is offered)."""
    return page(title, f"<h1>{_e(title)}</h1>\n<p>{_e(message)}</p>")
