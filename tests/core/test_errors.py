"""The one kind of error the user is told about: both languages."""

from __future__ import annotations

import pytest

from tr_desk.core.errors import UserError


def test_a_user_error_is_norwegian_with_english_beside() -> None:
    with pytest.raises(UserError) as caught:
        raise UserError("Møtet finnes ikke.", "no such meeting")
    assert str(caught.value) == "Møtet finnes ikke." and caught.value.english == "no such meeting"
