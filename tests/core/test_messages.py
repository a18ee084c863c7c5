"""Messages made of many others (every exhibit a finding names, every file a check found changed) nest as
deep as the logarithm of their parts: rendered, translated or pickled, they never reach Python's recursion
limit (a list of 5,000 exhibits nested 5,000 deep, and crashed the bundle)."""

from __future__ import annotations

import pickle

from casefile_testing import chinese

from casefile.core.errors import Message, joined, listed


def depth(message: Message) -> int:
    found, level = 0, [message]
    while level:
        found += 1
        level = [v for m in level for v in m.params.values() if isinstance(v, Message)]
    return found


def test_a_long_list_nests_as_deep_as_its_logarithm() -> None:
    names = [f"证据{n}" for n in range(1, 100_001)]
    message = listed(names)
    assert depth(message) <= 18  # log2 of 100,000, and the names themselves: was 100,000
    assert message == ", ".join(names)
    assert chinese(message).startswith("证据1、证据2、证据3") and chinese(message).endswith("证据99999、证据100000")


def test_many_problems_are_joined_as_deep_as_their_logarithm() -> None:
    problems = [Message("exhibit {number} is missing", number=n) for n in range(1, 5001)]
    message = joined(problems)
    assert depth(message) <= 15  # was 5,000
    assert message == "; ".join(problems)
    assert pickle.loads(pickle.dumps(message)) == message  # as it crosses to the app from a worker process
    assert joined(problems[:1]) is problems[0]
