"""Every command answers a usage mistake the same way: one line on stderr, exit code 2."""

from __future__ import annotations

import pytest

from isassist.cli import main


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["lookup", "foo", "bar"], "'foo' is not one of 'ewc', 'nace', 'cpa', 'cas'"),
        (["register", "add-want"], "Missing argument 'COMPANY'"),
        (["report"], "Missing argument 'INTERVIEW_ID'"),
        (["replay", "no-such-transcript.yaml"], "does not exist"),
        (["no-such-command"], "No such command"),
        (["classify", "--top", "0", "betonpuin"], "0 is not in the range"),
    ],
)
def test_a_usage_mistake_gets_one_line_and_exit_code_2(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err.strip()
    assert says in err
    assert len(err.splitlines()) == 1, err


def test_a_failing_command_keeps_its_own_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["lookup", "cas", "7664-93-8"])  # wrong check digit: a malformed number
    assert stopped.value.code == 2
    assert "should be 9" in capsys.readouterr().err
