"""The bench command's plumbing (never its timings): corpus reading, ratios and the table."""

import json
from pathlib import Path

import pytest

from notecheck import bench
from notecheck.bench import Result


def _result(contender: str, notes_per_s: float) -> Result:
    return Result(contender=contender, notes=10, words=1000, seconds=10 / notes_per_s, load_seconds=0.5, peak_rss_mb=100.0)


def test_when_the_corpus_is_a_folder_then_its_txt_notes_are_read_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Low back pain.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Neck pain.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    assert bench.read_corpus(tmp_path) == [("a.txt", "Neck pain."), ("b.txt", "Low back pain.")]


@pytest.mark.parametrize(
    ("spine", "limit", "ids"),
    [
        pytest.param(False, None, ["n1", "n2", "n3"], id="all"),
        pytest.param(True, None, ["n1", "n3"], id="spine-only"),
        pytest.param(True, 1, ["n1"], id="spine-limited"),
    ],
)
def test_when_the_corpus_is_jsonl_then_spine_and_limit_select_notes(tmp_path: Path, spine: bool, limit: int | None, ids: list[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "n1", "text": "a", "spine": True}, {"id": "n2", "text": "b", "spine": False}, {"id": "n3", "text": "c", "spine": True}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [i for i, _ in bench.read_corpus(corpus, spine=spine, limit=limit)] == ids


def test_when_all_contenders_ran_then_the_ratios_compare_notes_per_second() -> None:
    results = [_result("notecheck", 60), _result("pipe1", 50), _result("pipe2", 90), _result("medspacy", 6), _result("spacy", 300)]
    assert bench.ratios(results) == pytest.approx(
        {"notecheck / medspacy": 10.0, "notecheck / spacy tokenizer": 0.2, "pipe n_process=2 / n_process=1": 1.8}
    )


def test_when_a_contender_is_missing_then_its_ratio_is_left_out_of_the_table() -> None:
    table = bench.render([_result("notecheck", 60), _result("spacy", 300)])
    assert "| notecheck check() end to end | 60.0 |" in table
    assert "notecheck / spacy tokenizer: 0.20x" in table
    assert "medspacy" not in table.split("\n\n")[1]


def test_when_a_contender_runs_then_its_result_comes_back_from_its_own_process(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Chronic low back pain for 3 months.", encoding="utf-8")
    (result,) = bench.run(tmp_path, contenders=("spacy",))
    assert (result.contender, result.notes, result.words) == ("spacy", 1, 7)
    assert result.peak_rss_mb > 0


def test_when_a_corpus_file_cannot_be_read_then_the_bench_leaves_it_out_and_names_it(tmp_path):
    from notecheck.bench import read_corpus, unreadable

    (tmp_path / "a.txt").write_text("Low back pain for 3 weeks after a fall.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    assert [note_id for note_id, _ in read_corpus(tmp_path)] == ["a.txt"]
    assert unreadable(tmp_path) == ["b.txt"]


def test_when_no_corpus_note_can_be_read_then_the_bench_stops_with_one_coded_error(tmp_path):
    from notecheck.bench import run
    from notecheck.errors import BenchError

    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(BenchError, match=r"NC310.*no note to measure"):
        run(tmp_path)
