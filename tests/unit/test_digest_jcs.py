"""The digest's canonical JSON is RFC 8785, checked against an independent implementation (rfc8785)."""

from __future__ import annotations

import json

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from draftdiff.snapshot.digest import canonical_json

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)


@pytest.mark.parametrize("value", [80.0, 12.5, 1e21, 1e-7, 123456789012345680000.0, 5e-324, -0.0, 0.1 + 0.2,
                                   {"\U0001f600": 1, "\ue000": 2, "a": [True, None, "\u2028\x01\"\\"]}])
def test_known_hard_cases(value: object) -> None:
    assert canonical_json(value).encode("utf-8") == rfc8785.dumps(value)


def test_a_share_of_the_text_is_written_as_ecmascript_writes_it() -> None:
    assert canonical_json({"agreed_percent": 80.0}) == '{"agreed_percent":80}'


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_matches_rfc8785_everywhere(value: object) -> None:
    assert canonical_json(value).encode("utf-8") == rfc8785.dumps(value)
    assert json.loads(canonical_json(value)) == json.loads(rfc8785.dumps(value))
