"""The request and response bodies of the HTTP API (the report itself is notecheck.report.Report)."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from notecheck.notes import MAX_CHARS
from notecheck.report import ErrorBody, Report
from notecheck.service.settings import MAX_BATCH, MAX_CODES


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CheckRequest(_Model):
    """One note and the codes proposed for it."""

    note_id: str = Field(min_length=1, max_length=200, description="Your id of the note (named in errors).")
    text: str = Field(max_length=MAX_CHARS, description="The note text, exactly as written.")
    codes: list[str] = Field(
        default_factory=list,
        max_length=MAX_CODES,
        description="Proposed codes as written in claims (m5388) or dotted (M53.88); none = facts only.",
    )


class BatchRequest(_Model):
    """Many notes in one request (at most MAX_BATCH)."""

    notes: list[CheckRequest] = Field(min_length=1, max_length=MAX_BATCH)


class BatchResult(_Model):
    """One line of a batch: the report, or the error that note met (the others still run)."""

    note_id: str
    report: Report | None = None
    error: ErrorBody | None = None


class BatchResponse(_Model):
    results: list[BatchResult]


class Health(_Model):
    status: Literal["ok"] = "ok"
    version: str
    ruleset_version: str


class RequirementInfo(_Model):
    """One documentation requirement of a code family, as the ruleset states it."""

    id: str
    severity: str
    check: str = Field(description="region (the code's region axis) or facts (met by the listed fact kinds).")
    met_by: list[str] = Field(default_factory=list, description="Fact kinds that satisfy it.")
    missing: str = Field(description="What the report says when it is missing.")


class FindingInfo(_Model):
    """A finding rule of the family: when it fires, what it suggests."""

    id: str
    kind: str
    codes: list[str] = Field(default_factory=list)
    blocking: bool
    when: list[str] = Field(default_factory=list, description="Fact kinds (and values) that trigger it.")


class CodeInfo(_Model):
    """What a code requires: the tabular's title and billability plus its family's rules."""

    code: str
    title: str | None
    billable: bool
    children: list[str] = Field(default_factory=list, description="Billable codes below a non-billable one.")
    family: str | None = Field(description="The family rule that applies, or null when none exists yet.")
    requirements: list[RequirementInfo] = Field(default_factory=list)
    findings: list[FindingInfo] = Field(default_factory=list)
