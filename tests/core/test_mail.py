"""The notice as a mail: addresses checked, names made safe for a header, who is missing."""

from __future__ import annotations

from tests.conftest import kf_meeting
from tr_desk.core.mail import clean_name, notice_mail, roster_hint, valid_address
from tr_desk.core.model import Person
from tr_desk.storage.store import Store


def test_an_address_is_an_address_and_a_name_never_header_syntax() -> None:
    assert valid_address(" kari@trondheim.kommune.no ") and not valid_address("Kari Nordmann")
    assert not valid_address("a@b") and not valid_address("a@b.no, c@d.no")
    assert clean_name("Kari\r\nBcc: x@y.no") == "Kari Bcc: x@y.no"
    assert clean_name("=?utf-8?q?Bcc=3A_x?= Kari") == "Kari"


def test_the_roster_hint_says_who_cannot_be_reached() -> None:
    assert roster_hint("Styret", []).startswith("Styret har ingen medlemmer ennå")
    people = [Person(1, "Kari", email="kari@x.no"), Person(2, "Ola")]
    assert roster_hint("Styret", people) == "1 av 2 medlemmer i Styret mangler e-postadresse: Ola."
    assert roster_hint("Styret", people[:1]) == ""


def test_the_notice_mail_goes_to_the_invited_and_names_those_without_an_address(
    demo_store: Store,
) -> None:
    mail = notice_mail(demo_store.context(kf_meeting(demo_store, "2022-12-02")))
    assert mail.subject.startswith("Innkalling") and "02.12.2022" in mail.subject
    assert mail.called >= len(mail.to) + len(mail.without_address) - len(mail.cc)
    assert all(valid_address(r.address) for r in (*mail.to, *mail.cc))
    if mail.without_address:
        assert mail.missing_line.startswith(f"{len(mail.without_address)} av {mail.called}")
