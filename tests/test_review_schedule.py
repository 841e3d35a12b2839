"""The spaced-review scheduler (overrides/assets/javascripts/review-store.js, which reads the
schedule, and review-schedule.js, which adds SM-2 and the writes) run in node: its intervals
and ease factors follow SM-2 as Wozniak published it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).parent.parent / "overrides/assets/javascripts"
SCRIPTS = [JS / "review-store.js", JS / "review-schedule.js"]

# Loads the classic scripts, in order, into a bare window object and runs one expression on H.review.
HARNESS = """
const fs = require("fs"), vm = require("vm");
const ctx = {window: {CSHub: {PREFIX: "cs-hub:v1:"}}, Date, Math, JSON, Object, Array, isNaN, isFinite};
vm.createContext(ctx);
for (const file of process.argv.slice(1)) vm.runInContext(fs.readFileSync(file, "utf8"), ctx);
const R = ctx.window.CSHub.review;
const out = (function (R) { return %s; })(R);
process.stdout.write(JSON.stringify(out));
"""


def run(expression: str):
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    done = subprocess.run(
        [node, "-e", HARNESS % expression, *map(str, SCRIPTS)], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def answers(qualities: list[int]) -> str:
    """An expression: the cards after each answer in turn, starting 2026-01-01."""
    return (
        "(function(){var c=null,d='2026-01-01',out=[];"
        f"{json.dumps(qualities)}.forEach(function(q){{c=R.step(c,q,d,'2026-01-01T10:00:00Z');out.push(c);d=c.due;}});"
        "return out;})()"
    )


def test_perfect_answers_follow_sm2():
    # q=5 raises EF by 0.1 each time: I(3) = 6 x 2.7, I(4) = 16 x 2.8, I(5) = 45 x 2.9.
    cards = run(answers([5, 5, 5, 5, 5]))
    assert [c["interval"] for c in cards] == [1, 6, 16, 45, 131]
    assert [c["ef"] for c in cards] == [2.6, 2.7, 2.8, 2.9, 3.0]
    assert [c["reps"] for c in cards] == [1, 2, 3, 4, 5]
    assert [c["due"] for c in cards] == ["2026-01-02", "2026-01-08", "2026-01-24", "2026-03-10", "2026-07-19"]


def test_q4_keeps_ease_and_q3_lowers_it():
    cards = run(answers([4, 4, 4, 4]))
    assert [c["interval"] for c in cards] == [1, 6, 15, 38]  # 6 x 2.5, 15 x 2.5 = 37.5 rounded up
    assert {c["ef"] for c in cards} == {2.5}
    cards = run(answers([3, 3, 3]))
    assert [c["ef"] for c in cards] == [2.36, 2.22, 2.08]  # 0.1 - 2 x (0.08 + 0.04) = -0.14 each
    assert [c["interval"] for c in cards] == [1, 6, 13]  # 6 x 2.22 = 13.3


def test_wrong_answer_resets_repetitions_and_ease_has_a_floor():
    cards = run(answers([5, 5, 1]))
    assert cards[-1]["reps"] == 0
    assert cards[-1]["interval"] == 1
    assert cards[-1]["ef"] == 2.16  # 2.7 - 0.54
    cards = run(answers([1] * 6))
    assert cards[-1]["ef"] == 1.3
    assert all(c["interval"] == 1 for c in cards)


def test_quality_from_the_answer():
    got = run(
        "[R.quality({score:1,max:1,self:false,correct:true}), R.quality({score:1,max:1,self:false,correct:true},true),"
        "R.quality({score:4,max:4,self:true,correct:true}), R.quality({score:2,max:4,self:true,correct:false}),"
        "R.quality({score:0,max:1,self:false,correct:false})]"
    )
    assert got == [5, 4, 4, 3, 1]


def test_old_leitner_boxes_keep_their_due_date():
    due = "Date.UTC(2026,0,10,12)"
    got = run(f"R.fromBoxes({{a: {{box: 1, due: 0}}, b: {{box: 4, due: {due}}}, bad: {{box: 9, due: 0}}, c: null}})")
    assert set(got) == {"a", "b"}
    assert got["b"]["reps"] == 3 and got["b"]["interval"] == 7 and got["b"]["due"] == "2026-01-10"
    assert got["a"]["reps"] == 0 and got["a"]["due"] <= "1970-01-02"


def test_merge_keeps_the_later_answer_and_both_sides():
    a = "{items: {x: {last: '2026-01-01T00:00:00Z', n: 'a'}, y: {last: '2026-01-05T00:00:00Z', n: 'a'}}, cards: {}}"
    b = "{items: {x: {last: '2026-01-03T00:00:00Z', n: 'b'}, z: {last: '2026-01-01T00:00:00Z', n: 'b'}}, cards: {}}"
    got = run(f"R.merge({a}, {b}).items")
    assert {k: v["n"] for k, v in got.items()} == {"x": "b", "y": "a", "z": "b"}


def test_strength_weights_recent_answers_more():
    got = run("[R.strength([{h:[0,0,1]}]), R.strength([{h:[1,1,0]}]), R.strength([])]")
    assert got[0]["right"] == 1 and got[0]["answered"] == 3
    assert got[0]["strength"] > 0.5 > got[1]["strength"]
    assert round(got[0]["strength"], 4) == round(1 / (1 + 0.6 + 0.36), 4)
    assert got[2] == {"right": 0, "answered": 0, "strength": 0, "weights": 0}


def test_hostile_cards_are_dropped():
    got = run(
        "R.readSchedule({v:1, items:{ok:{ef:2.5,reps:1,interval:1,due:'2026-01-02',last:'2026-01-01T00:00:00Z'},"
        "'a\"b':{ef:2.5,reps:1,interval:1,due:'2026-01-02',last:'2026-01-01T00:00:00Z'},"
        "huge:{ef:1e308,reps:1,interval:1,due:'2026-01-02',last:'2026-01-01T00:00:00Z'},"
        "nul:null, typ:{ef:'2.5',reps:1,interval:1,due:'x',last:5}}, cards: []})"
    )
    assert got["damaged"] is True
    assert sorted(got["value"]["items"]) == ['a"b', "ok"]
    assert got["value"]["cards"] == {}
