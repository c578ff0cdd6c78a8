"""The Python API of the contract: load, check, pipe and assertion."""

import pytest

from notecheck.errors import EmptyNoteError

NOTE = (
    "HPI: Coccyx pain for 5 months after a fall on ice. Physical therapy failed.\n"
    "ASSESSMENT: Sacrococcygeal dysfunction. X-ray of the coccyx showed no fracture.\n"
)


def test_check_returns_the_contract_report(checker):
    report = checker.check(NOTE, codes=["m5388"], note_id="n1")
    assert report.schema_version == "1" and report.note_id == "n1"
    check = report.checks[0]
    assert check.code == "M53.88" and check.billable
    assert {r.id for r in check.requirements} == {
        "region", "named_condition", "imaging", "exclusion_rationale", "functional_impact", "treatment_history"
    }
    assert all(NOTE[f.start : f.end] == f.text for f in report.facts)


def test_pipe_gives_the_same_reports_in_order(checker):
    items = [("a", NOTE, ["M53.88"]), ("b", "Neck pain at C5-6 for 2 years.", ["M53.82"]), ("c", NOTE, [])]
    piped = list(checker.pipe(items))
    assert [r.note_id for r in piped] == ["a", "b", "c"]
    for (note_id, text, codes), report in zip(items, piped, strict=True):
        assert report == checker.check(text, codes=codes, note_id=note_id)


def test_pipe_with_two_processes_gives_the_same_reports_in_order(checker):
    items = [(f"n{i}", text, codes) for i in range(6) for text, codes in ((NOTE, ["M53.88"]), ("Neck pain at C5-6.", ["M53.82"]))]
    piped = list(checker.pipe(items, n_process=2, batch_size=4))
    assert [r.note_id for r in piped] == [note_id for note_id, _, _ in items]
    for (note_id, text, codes), report in zip(items, piped, strict=True):
        assert report.model_dump_json() == checker.check(text, codes=codes, note_id=note_id).model_dump_json()


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipe_raises_a_bad_note_error_in_its_place_after_the_reports_before_it(checker, n_process):
    items = [(f"n{i}", NOTE, ["M53.88"]) for i in range(9)] + [("bad", "   ", ["M53.88"]), ("after", NOTE, [])]
    piped = checker.pipe(items, n_process=n_process, batch_size=16)
    assert [next(piped).note_id for _ in range(9)] == [f"n{i}" for i in range(9)]
    with pytest.raises(EmptyNoteError, match="bad"):
        next(piped)


def test_a_code_given_twice_is_checked_once(checker):
    assert len(checker.check(NOTE, codes=["M53.88", "M5388"]).checks) == 1


def test_an_empty_note_is_refused_with_a_coded_error(checker):
    with pytest.raises(EmptyNoteError):
        checker.check("   ", codes=["M53.88"], note_id="blank")


@pytest.mark.parametrize(
    ("text", "target", "assertion", "historical"),
    [
        pytest.param("She denies numbness in the legs.", "numbness", "negated", False, id="negated"),
        pytest.param("MRI ordered to rule out stenosis.", "stenosis", "hypothetical", False, id="rule-out-is-hypothetical"),
        pytest.param("If pain persists we will consider PT.", "PT", "hypothetical", False, id="conditional-plan"),
        pytest.param("Mother has Paget disease of bone.", "Paget disease", "family", False, id="family"),
        pytest.param("History of L4-5 fusion in 2015.", "fusion", "present", True, id="historical"),
        pytest.param("Status post L4-5 fusion in 2015.", "Status post L4-5 fusion", "present", True,
                     id="history-cue-opens-the-span"),
        pytest.param("Possible pars defect at L5.", "pars defect", "possible", False, id="possible"),
        pytest.param("C-spine nontender.", "C-spine", "negated", False, id="normal-exam"),
        pytest.param("Tenderness over the coccyx.", "coccyx", "present", False, id="present"),
    ],
)
def test_assertion_of_any_span(checker, text, target, assertion, historical):
    start = text.index(target)
    result = checker.assertion(text, start, start + len(target))
    assert (result.assertion, result.historical) == (assertion, historical)


@pytest.mark.parametrize(
    ("text", "target", "section", "historical"),
    [
        pytest.param("Menstrual history: postmenopausal.", "postmenopausal", "past_medical_history", True,
                     id="menstrual-history"),
        pytest.param("Obstetric history: two vaginal deliveries.", "vaginal deliveries", "past_medical_history",
                     True, id="obstetric-history"),
        pytest.param("Tobacco: quit cigarettes in 2010.", "cigarettes", "social_history", True, id="tobacco-item"),
        pytest.param("Alcohol: two beers on weekends.", "beers", "social_history", True, id="alcohol-item"),
        pytest.param("History: back pain after lifting.", "back pain", "history_of_present_illness", False,
                     id="bare-history-is-hpi"),
    ],
)
def test_when_a_history_heading_opens_the_line_then_its_section_decides(checker, text, target, section, historical):
    start = text.index(target)
    result = checker.assertion(text, start, start + len(target))
    assert (result.section, result.historical) == (section, historical)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param(NOTE.encode(), "bytes, not str", id="bytes"),
        pytest.param(None, "NoneType, not str", id="none"),
    ],
)
def test_when_the_text_is_not_a_str_then_check_raises_a_coded_error(checker, text, says):
    from notecheck.errors import InputError

    with pytest.raises(InputError, match=says) as caught:
        checker.check(text, codes=["M53.88"], note_id="n1")
    assert caught.value.code == "NC300" and "n1" in str(caught.value)


@pytest.mark.parametrize(
    ("codes", "shown"),
    [
        pytest.param("m5388", ["M53.88"], id="one-code-as-a-string"),
        pytest.param(None, [], id="none"),
        pytest.param([5388], ["5388"], id="not-a-string"),
    ],
)
def test_when_codes_are_not_a_list_of_strings_then_check_still_answers(checker, codes, shown):
    assert [c.code for c in checker.check(NOTE, codes=codes).checks] == shown


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        pytest.param(NOTE, 5000, 6000, id="past-the-end"),
        pytest.param(NOTE, 50, 10, id="reversed"),
        pytest.param(NOTE, -1, 10, id="negative"),
        pytest.param("", 0, 0, id="empty-text"),
    ],
)
def test_when_the_assertion_span_is_not_in_the_text_then_a_coded_error(checker, text, start, end):
    from notecheck.errors import InputError

    with pytest.raises(InputError, match="not inside the text"):
        checker.assertion(text, start, end)


def test_when_loaded_then_pipeline_frozen_out_of_collector_unless_asked_not_to():
    """load() moves what it built out of the garbage collector's generations (gc.freeze); freeze=False,
    for a process that loads and drops checkers, leaves the collector alone. Its own interpreter: the
    freeze is process-wide."""
    import subprocess
    import sys

    code = (
        "import gc, notecheck\n"
        "notecheck.load(freeze=False)\n"
        "print(gc.get_freeze_count())\n"
        "checker = notecheck.load()\n"
        "print(gc.get_freeze_count())\n"
        "print(checker.check('Low back pain after a fall.', codes=['M53.88']).checks[0].code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    unfrozen, frozen, code_checked = done.stdout.split()
    assert int(unfrozen) == 0
    assert int(frozen) > 50_000
    assert code_checked == "M53.88"


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_when_a_note_is_checked_then_the_garbage_collector_is_left_as_the_caller_had_it(checker, enabled):
    """check() pauses the cyclic collector for one note only: after a report, and after a refused note,
    the collector is on again if the caller had it on, and stays off if the caller had turned it off."""
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert checker.check(NOTE, codes=["M53.88"]).checks[0].code == "M53.88"
        assert gc.isenabled() is enabled
        with pytest.raises(EmptyNoteError):
            checker.check("   ")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()

