"""How loading grows with the input (issue 13, RELIABILITY.md): JSON documents of 10^5 and 10^6
items -- people, people all with one id, attribute keys of one person -- and parent chains 20,000
and 200,000 deep, each loaded REPEATS times; prints the best time of each and the ratio of the
large to the small (linear: about 10; quadratic: 100).

    python3 benchmarks/load_scaling.py [REPEATS]

tests/python/test_linear_loads.py asserts the ratios on the same documents."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

import teamwright as tw

HEAD = '{"format": "teamwright", "version": 1, "competencies": [{"id": "a"}], '


def people(n: int) -> str:
    return HEAD + '"people": [' + ",".join(f'{{"id": "p{i}"}}' for i in range(n)) + "]}"


def same_id(n: int) -> str:
    return HEAD + '"people": [' + ",".join(['{"id": "p"}'] * n) + "]}"


def attributes(n: int) -> str:
    keys = ",".join(f'"k{i}": {i}' for i in range(n))
    return HEAD + '"people": [{"id": "p", "attributes": {' + keys + "}}]}"


def chain(depth: int) -> str:
    competencies = [{"id": "c0"}] + [
        {"id": f"c{i}", "parents": [f"c{i - 1}"]} for i in range(1, depth)
    ]
    levels = {f"c{depth - 1}": 3}
    document = {"format": "teamwright", "version": 1, "competencies": competencies}
    return json.dumps(document | {"people": [{"id": "p", "levels": levels}]})


CASES: dict[str, tuple[Callable[[int], str], int, int]] = {
    "people": (people, 100_000, 1_000_000),
    "people, one id": (same_id, 100_000, 1_000_000),
    "attribute keys": (attributes, 100_000, 1_000_000),
    "parent chain depth": (chain, 20_000, 200_000),
}


def seconds(text: str, repeats: int) -> float:
    """The best of `repeats` loads (a refused document counts as loaded: it was read)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            tw.loads(text)
        except tw.Error:
            pass
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"{'items':<20} {'small':>9} {'s':>8} {'large':>9} {'s':>8} {'ratio':>6}")
    for name, (document, small, large) in CASES.items():
        a, b = seconds(document(small), repeats), seconds(document(large), repeats)
        print(f"{name:<20} {small:>9,} {a:>8.3f} {large:>9,} {b:>8.3f} {b / a:>6.1f}")


if __name__ == "__main__":
    main()
