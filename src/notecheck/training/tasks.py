"""What each sentence classifier decides and which fact a positive sentence becomes.

A task's positive classes turn into facts of `kind` with the mapped value; a sentence where the rules
already found a fact of one of `rules_first` kinds is left to the rules (the model only adds).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Task:
    """One sentence-level classifier."""

    name: str
    kind: str
    emit: dict[str, str] = field(default_factory=dict)
    rules_first: tuple[str, ...] = ()
    question: str = ""

    @property
    def negative(self) -> str:
        """The class that emits nothing."""
        return "none" if "none" in self.classes else "0"

    @property
    def classes(self) -> tuple[str, ...]:
        """Every label of the task, negative first."""
        binary = set(self.emit) == {"1"}
        return ("0", "1") if binary else ("none", *sorted(self.emit))


TASKS: tuple[Task, ...] = (
    Task(
        name="functional_impact",
        kind="functional_impact",
        emit={"1": "functional limitation"},
        rules_first=("functional_impact",),
        question="Does the sentence state a limitation of the patient's function caused by the condition?",
    ),
    Task(
        name="treatment_failure",
        kind="treatment_failure",
        # "unspecified" is resolved to the nearest treatment of the sentence by facts.py.
        emit={"1": "unspecified"},
        rules_first=("treatment_failure",),
        question="Does the sentence say a treatment gave no, little, partial or only temporary relief?",
    ),
    Task(
        name="phase",
        kind="acuity",
        emit={"acute": "acute", "chronic": "chronic"},
        rules_first=("acuity", "phase_of_care"),
        question="Does the sentence place the complaint in an acute phase, or in a chronic/residual one?",
    ),
)

TASK_BY_NAME = {task.name: task for task in TASKS}

# What the rule pipeline found in the sentence, as features: "kind" or "kind=value".
RULE_FEATURES: tuple[str, ...] = (
    "functional_impact", "treatment_failure", "treatment", "acuity", "acuity=acute", "acuity=subacute",
    "acuity=chronic", "phase_of_care", "current_injury", "neuro_deficit", "diagnosis", "trauma", "imaging",
    "region",
)
